package dev.berth.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** catalogue.txt gives every code of the enum its texts, and a file that does not is refused when it is read. */
class CodeTextsTest {
    private static final String FILE = file();

    @Test
    void everyCodeHasEveryTextAndNoOtherCodeHasAny() {
        Map<Code, CodeTexts.Texts> texts = CodeTexts.read();
        assertEquals(Arrays.asList(Code.values()), List.copyOf(texts.keySet()));
        texts.forEach((code, t) -> {
            assertFalse(t.explanation().isBlank(), code + " explanation");
            assertFalse(t.badExample().isBlank(), code + " bad example");
            assertFalse(t.goodExample().isBlank(), code + " good example");
        });
    }

    @Test
    void theBlocksAreInTheOrderOfTheEnum() {
        List<String> blocks = FILE.lines().filter(l -> l.matches("[A-Z][0-9]{3}")).toList();
        assertEquals(Arrays.stream(Code.values()).map(Code::name).toList(), blocks);
    }

    /** The explanation's lines make one paragraph; an example keeps its lines and its own indentation. */
    @Test
    void explanationsAreJoinedAndExamplesKeptAsTheyStand() {
        assertEquals("The file is not valid YAML. An unclosed quote or bracket, or a key without ':', is shown "
                + "where it starts; other mistakes where the parser gave up, and the mistake is often just before it.",
                Code.Y001.explanation());
        assertEquals("containers:\n  web:\n    root: /srv/web\n   ports: {}", Code.Y001.badExample());
        assertEquals("description: \"web\\nUser=root\"", Code.V001.badExample());
        assertEquals("berth: 1", Code.Y004.goodExample());
    }

    @Test
    void anEmptyLineInsideAnExampleIsKept() {
        String text = FILE.replace("good:\n    berth: 1\n\nY005", "good:\n    berth: 1\n\n    # one more line\n\nY005");
        assertEquals("berth: 1\n\n# one more line", CodeTexts.parse(text).get(Code.Y004).goodExample());
    }

    @Test
    void aCodeWithoutABlockIsRefused() {
        int start = FILE.indexOf("\nP003\n");
        String text = FILE.substring(0, start) + FILE.substring(FILE.indexOf("\nP004\n"));
        assertProblem(text, "catalogue.txt: P003 has no block");
    }

    @Test
    void aBlockOfACodeTheEnumLacksIsRefused() {
        String text = FILE + "\nP999\nexplanation:\n    A code the enum does not define.\n"
                + "bad:\n    a: 1\ngood:\n    a: 2\n";
        assertProblem(text, "catalogue.txt: P999 is not a code of dev.berth.diag.Code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"explanation", "bad", "good"})
    void aBlockWithoutAFieldIsRefused(String field) {
        String block = block("A005");
        String label = field + ":\n";
        int start = block.indexOf(label);
        int end = start + label.length();
        while (block.startsWith("    ", end)) {
            end = block.indexOf('\n', end) + 1;
        }
        String without = block.substring(0, start) + block.substring(end);
        assertProblem(FILE.replace(block, without), "catalogue.txt: A005 has no " + field + ":");
    }

    @Test
    void aFieldWithoutTextIsRefused() {
        assertProblem(FILE.replace("good:\n    berth: 1\n\nY005", "good:\n\nY005"), "catalogue.txt: Y004 has no good:");
    }

    @Test
    void aLineOutsideTheFormatIsRefusedWithItsNumber() {
        int number = (int) FILE.substring(0, FILE.indexOf("\nS002\n") + 1).lines().count() + 3;
        String text = FILE.replace("\nS002\nexplanation:\n", "\nS002\nexplanation:\nThe key is not part\n");
        assertProblem(text, "catalogue.txt:" + number + ": 'The key is not part' is not a code, a field label");
    }

    @Test
    void aCodeOrAFieldGivenTwiceIsRefused() {
        String s004 = block("S004");
        assertProblem(FILE.replace(s004, s004 + s004), "S004 has a second block");
        assertProblem(FILE.replace(s004, s004 + "bad:\n    x: 1\n"), "bad: a second time in the block");
    }

    private static void assertProblem(String text, String problem) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CodeTexts.parse(text));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    /** The lines of a code's block in the file, from its code to the empty line after it. */
    private static String block(String code) {
        int start = FILE.indexOf("\n" + code + "\n") + 1;
        return FILE.substring(start, FILE.indexOf("\n\n", start) + 1);
    }

    private static String file() {
        try (InputStream in = CodeTexts.class.getResourceAsStream(CodeTexts.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
