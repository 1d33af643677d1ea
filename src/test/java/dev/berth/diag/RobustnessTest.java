package dev.berth.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.cli.Main;
import dev.berth.load.Source;
import dev.berth.testing.Cases;
import dev.berth.testing.PositionCheck;
import dev.berth.tree.FileTree;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No input produces a stack trace or an internal error: every input of the test suite through the real
 * CLI exits 0 (valid) or 1 (invalid), and seeded mutations of them (deleted, inserted, duplicated and
 * re-indented text) compile without an exception and with positions that pass {@link PositionCheck}.
 * For a longer hunt: {@code mvn test -Dtest=RobustnessTest -DargLine="-Dseed=7 -Dmutants=50000"}.
 */
class RobustnessTest {
    private static final List<String> INSERTS = List.of("\n", "\r", "\r\n", "\u0085", "\u2028", "  ", "\t", ":", ": ", "- ", "[", "]", "{", "}", ",", "\"", "'",
            "\\", "&a ", "*a", "!!str ", "!x ", "? ", "#", "%", "$", "---\n", "...\n", "\u0000", "\u001b", "é", "😀", "\uFEFF",
            "0x17", "-1", "99999999999999999999", ".nan", "~", "null", "true", "''", "\"\\uD800\"", "/../", "@", "|\n  x",
            ">-\n  y", "<<: *a", "a: &a {b: *a}");

    static Stream<String> suiteInputs() throws Exception {
        List<String> inputs = new ArrayList<>(DiagnosticCodesTest.cases().filter(c -> c.yaml() != null).map(DiagnosticCodesTest.Case::yaml).toList());
        for (Cases.Case c : Cases.all()) {
            inputs.add(c.text());
        }
        return inputs.stream();
    }

    @ParameterizedTest
    @MethodSource("suiteInputs")
    void theCliExitsZeroOrOneWithoutAStackTrace(String yaml, @TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("berth.yaml");
        Files.writeString(file, yaml);
        boolean valid = Berth.validate(new Source("berth.yaml", yaml)).ok();
        for (String format : List.of("text", "json", "github", "sarif")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = Main.run(new PrintWriter(out), new PrintWriter(err), "validate", "--format", format, file.toString());
            assertEquals(valid ? 0 : 1, status, err.toString());
            String all = out + "\n" + err;
            assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("internal error"), all);
        }
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "compile", file.toString(), "-o",
                tmp.resolve("out").toString());
        assertTrue(status == 0 || status == 1, err.toString());
        assertFalse(err.toString().contains("internal error"), err.toString());
    }

    @Test
    void mutatedInputsNeverThrow() throws Exception {
        List<String> seeds = suiteInputs().toList();
        Random random = new Random(Long.getLong("seed", 20261129));
        int compiled = 0;
        for (int i = 0; i < Integer.getInteger("mutants", 1500); i++) {
            String yaml = mutate(seeds.get(random.nextInt(seeds.size())), random);
            Source source = new Source("berth.yaml", yaml);
            try {
                Result<FileTree> result = Berth.compile(source);
                PositionCheck.assertAll(source, result.diagnostics());
                compiled += result.ok() ? 1 : 0;
            } catch (AssertionError e) {
                throw new AssertionError("mutant #" + i + ":\n" + yaml + "\n" + e.getMessage(), e);
            } catch (RuntimeException | StackOverflowError e) {
                fail("mutant #" + i + " threw " + e + ":\n" + yaml, e);
            }
        }
        assertTrue(compiled > 0, "some mutants should still be valid");
    }

    @Test
    void hugeAndDeepInputsAreLimitsNotCrashes() {
        for (String yaml : List.of("x: " + "[".repeat(100_000), "x: " + "{a: ".repeat(50_000), "- ".repeat(20_000) + "x",
                "a: &a [x]\n" + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n".repeat(1) + "c: [*b, *b, *b, *b, *b, *b, *b, *b]\n")) {
            Result<FileTree> r = Berth.compile(new Source("berth.yaml", yaml));
            assertFalse(r.ok());
            assertTrue(r.diagnostics().hasErrors());
        }
    }

    private static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(5)) {
                case 0 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(3)));
                case 1 -> s.insert(at, INSERTS.get(random.nextInt(INSERTS.size())));
                case 2 -> {
                    List<String> lines = new ArrayList<>(s.toString().lines().toList());
                    int l = random.nextInt(lines.size());
                    lines.add(l, lines.get(l));
                    s = new StringBuilder(String.join("\n", lines) + "\n");
                }
                case 3 -> {
                    List<String> lines = new ArrayList<>(s.toString().lines().toList());
                    int l = random.nextInt(lines.size());
                    lines.set(l, (random.nextBoolean() ? " " : "") + lines.get(l).replaceFirst("^ {0,2}", random.nextBoolean() ? "" : " "));
                    s = new StringBuilder(String.join("\n", lines) + "\n");
                }
                default -> {
                    int colon = s.indexOf(": ", at);
                    if (colon >= 0) {
                        int end = s.indexOf("\n", colon);
                        s.replace(colon + 2, end < 0 ? s.length() : end, INSERTS.get(random.nextInt(INSERTS.size())));
                    }
                }
            }
        }
        return s.toString();
    }
}
