package dev.berth.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.diag.Position;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A document whose containers are read apart, on several threads, has the values the whole document has; where
 * the cut could change what is read, the split gives up and the document is read whole.
 */
class ContainerSplitTest {
    private final YamlLoader loader = new YamlLoader();

    /** What splitting gives, with no minimum size: empty when it gives up. */
    private Optional<Document> split(String text) {
        return ContainerSplit.load(loader, new Source("berth.yaml", text), LoaderLimits.DEFAULT, 0);
    }

    /** Splitting gives up, or gives exactly the values of the document read whole (which must then be plain). */
    private void assertSameOrGivenUp(String text) {
        Optional<Document> split = split(text);
        if (split.isPresent()) {
            Optional<Document> whole = loader.loadPlain(new Source("berth.yaml", text));
            assertTrue(whole.isPresent(), () -> "split a document that is not plain:\n" + text);
            assertEquals(whole.get().root(), split.get().root(), text);
        }
    }

    @Test
    void generatedConfigsAndEveryCaseReadApartAsWhole() {
        List<String> texts = YamlTexts.casesAndGenerated(60);
        int split = 0;
        for (String text : texts) {
            assertSameOrGivenUp(text);
            split += split(text).isPresent() ? 1 : 0;
        }
        assertTrue(split > texts.size() / 3, "only " + split + " of " + texts.size() + " documents were split");
    }

    @Test
    void aLargeConfigIsSplitAndItsPositionsStillComeFromTheWholeFile() {
        StringBuilder text = new StringBuilder("berth: 1\n# the sites\ncontainers:   # one per site\n");
        for (int i = 0; i < 50; i++) {
            text.append("  site").append(i).append(":\n    root: /srv/site").append(i).append("\n    ports: {ssh: {listen: ")
                    .append(2200 + i).append("}}\n\n# between two sites\n");
        }
        text.append("defaults: {}\n");
        Document document = split(text.toString()).orElseThrow();

        assertEquals(loader.loadPlain(new Source("berth.yaml", text.toString())).orElseThrow().root(), document.root());
        Position root = document.sourceMap().key("/containers/site1/root").orElseThrow();
        assertEquals(List.of(10, 5), List.of(root.line(), root.column()), "read again from the whole file when asked for");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a quoted scalar running over a line that looks like an entry: the part before the cut cannot be read alone
        "berth: 1\ncontainers:\n  a:\n    description: \"one\n  b: two\"\n    root: /srv/a\n  c:\n    root: /srv/c\n",
        "berth: 1\ncontainers:\n  a:\n    description: 'one\n  b: two'\n  c:\n    root: /srv/c\n",
        // a bracketed collection running over such a line
        "berth: 1\ncontainers:\n  a:\n    mask: [x,\n  b, y]\n  c:\n    root: /srv/c\n",
        // the same name in two parts, also when the first is empty
        "berth: 1\ncontainers:\n  a:\n    root: /srv/a\n  b:\n    root: /srv/b\n  a:\n    root: /srv/c\n",
        "berth: 1\ncontainers:\n  a:\n  b:\n    root: /srv/b\n  a:\n    root: /srv/c\n",
        // the key inside a quoted scalar above, and a real one below
        "berth: \"1\ncontainers:\n  a: x\n\"\ncontainers:\n  b:\n    root: /srv/b\n  c:\n    root: /srv/c\n",
        // an anchor in one part, its alias in another
        "berth: 1\ncontainers:\n  a: &x\n    root: /srv/a\n  b: *x\n",
        // a less indented line, a tab where an entry would start, a second document
        "berth: 1\ncontainers:\n  a:\n    root: /srv/a\n b: 1\n  c:\n    root: /srv/c\n",
        "berth: 1\ncontainers:\n  a:\n    root: /srv/a\n\tb:\n  c:\n    root: /srv/c\n",
        "berth: 1\ncontainers:\n  a:\n    root: /srv/a\n---\n  c:\n    root: /srv/c\n",
        // a list, a flow mapping, a quoted first name, an empty block
        "berth: 1\ncontainers:\n  - a\n  - b\n",
        "berth: 1\ncontainers: {a: {root: /srv/a}, b: {root: /srv/b}}\n",
        "berth: 1\ncontainers:\n  \"a\":\n    root: /srv/a\n  b:\n    root: /srv/b\n",
        "berth: 1\ncontainers:",
    })
    void whereTheCutCouldMisleadTheDocumentIsReadWhole(String text) {
        assertTrue(split(text).isEmpty(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // block scalars end at a less indented line; comments anywhere, even at the start of a line
        "berth: 1\ncontainers:\n  a:\n    description: |\n      text\n  # a comment\n#  another\n  b:\n    root: /srv/b\n",
        // line breaks of other systems, no line break at the end
        "berth: 1\r\ncontainers:\r\n  a:\r\n    root: /srv/a\r\n  b:\r\n    root: /srv/b\r\n",
        "berth: 1\rcontainers:\r  a:\r    root: /srv/a\r  b:\r    root: /srv/b\r",
        "berth: 1\ncontainers:\n  a: {root: /srv/a}\n  b: {root: /srv/b}",
        // a quoted name after the first, and keys after the containers
        "berth: 1\ncontainers:\n  a:\n    root: /srv/a\n  \"b\":\n    root: /srv/b\n  c: {}\ndrop-ins: {}\n",
    })
    void otherwiseItReadsWhatTheWholeDocumentHolds(String text) {
        assertTrue(split(text).isPresent(), text);
        assertSameOrGivenUp(text);
    }

    /** Pieces of YAML that open or close what a cut must not fall into, or indent oddly. */
    private static final List<String> RISKY = List.of("\"", "'", "[", "]", "{", "}", "|", ">", "&a ", "*a", "#", "\t",
            " ", "  ", "- ", "? ", ": ", "---", "...", "%YAML 1.2", "!!str ", "\\", "\r");

    @Test
    void mutatedConfigsAreReadApartAsWholeOrNotAtAll() {
        java.util.Random random = new java.util.Random(20261204);
        int split = 0;
        for (int round = 0; round < 400; round++) {
            String text = YamlTexts.mutated(random, round % 40, RISKY);
            assertSameOrGivenUp(text);
            split += split(text).isPresent() ? 1 : 0;
        }
        assertTrue(split > 40, "only " + split + " of 400 mutated documents were split: the test lost its reach");
    }

    @Test
    void limitsCountAsInTheWholeDocument() {
        String text = "berth: 1\ncontainers:\n  a: {b: {c: 1}}\n  d: {e: 1}\n";
        int nodes = (int) loader.plainValues(new Source("berth.yaml", text), 0).orElseThrow().nodes();
        Source source = new Source("berth.yaml", text);
        // depth: root 0, containers 1, a 2, b 3, c 4
        assertTrue(ContainerSplit.load(loader, source, new LoaderLimits(1 << 20, 10, 4, 100), 0).isPresent());
        assertTrue(ContainerSplit.load(new YamlLoader(new LoaderLimits(1 << 20, 10, 3, 100)), source,
                new LoaderLimits(1 << 20, 10, 3, 100), 0).isEmpty(), "too deep");
        assertTrue(ContainerSplit.load(loader, source, new LoaderLimits(1 << 20, 10, 64, nodes), 0).isPresent());
        assertTrue(ContainerSplit.load(loader, source, new LoaderLimits(1 << 20, 10, 64, nodes - 1), 0).isEmpty(),
                "one value too many");
    }
}
