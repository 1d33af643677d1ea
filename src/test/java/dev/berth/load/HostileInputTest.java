package dev.berth.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.Diagnostics;
import dev.berth.model.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and odd inputs: each limit is a diagnostic with its code, found fast and in bounded memory. */
class HostileInputTest {
    private static final String BOOK = """
            berth: 1
            containers:
              c:
                root: /srv/c
                ports: {ssh: {listen: 23}}
                services: {sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i], runtime-directory: sshd}}
            """;

    private static List<String> codes(Result<Config> result) {
        return result.diagnostics().all().stream().map(d -> d.code().id()).toList();
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        assertEquals(List.of("Y003"), codes(Berth.validate(new Source("laughs.yaml", y.toString()))));
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "berth: 1\ncontainers: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        assertEquals(List.of("Y003"), codes(Berth.validate(new Source("deep.yaml", deep))));
    }

    /** Found by fuzzing: the schema validator reads integers as longs and threw on larger numbers. */
    @Test
    void numbersBeyondSixtyFourBitsAreADiagnostic() {
        Result<Config> r = Berth.validate(new Source("big.yaml", BOOK.replace("    root: /srv/c\n",
                "    root: /srv/c\n    limits: {tasks-max: 2E256, cpu-weight: 99999999999999999999999}\n"
                        + "    boot: {args: ['3', 1e999]}\n")));
        assertEquals(List.of("S005", "S005", "S005"), codes(r));
        assertEquals(List.of("/containers/c/limits/tasks-max", "/containers/c/limits/cpu-weight", "/containers/c/boot/args/1"),
                r.diagnostics().all().stream().map(Diagnostic::path).toList());
    }

    @Test
    void aSecondDocumentIsRefused() {
        assertEquals(List.of("Y004"), codes(Berth.validate(new Source("two.yaml", BOOK + "---\n" + BOOK))));
    }

    @Test
    void duplicateKeysAreAnError() {
        Result<Config> r = Berth.validate(new Source("dup.yaml", BOOK.replace("    root: /srv/c\n", "    root: /srv/c\n    root: /srv/d\n")));
        assertEquals(List.of("Y002"), codes(r));
        assertEquals(5, r.diagnostics().all().get(0).position().orElseThrow().line());
    }

    @Test
    void byteOrderMarkAndCrlfAreAccepted() {
        byte[] bytes = ("\uFEFF" + BOOK.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        Diagnostics d = new Diagnostics();
        Source source = SourceReader.decode(bytes, "crlf.yaml", d).orElseThrow();
        Result<Config> r = Berth.validate(source);
        assertTrue(r.ok(), () -> r.diagnostics().all().toString());
    }

    @Test
    void tabIndentationIsASyntaxErrorAtItsLine() {
        Result<Config> r = Berth.validate(new Source("tabs.yaml", BOOK.replace("    root: /srv/c", "\troot: /srv/c")));
        assertEquals(List.of("Y001"), codes(r));
        assertEquals(4, r.diagnostics().all().get(0).position().orElseThrow().line());
    }

    @Test
    void invalidUtf8IsReportedWithItsPosition() {
        byte[] bytes = "berth: 1\ncontainers:\n  c\u00e9: {}\n".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 7] = (byte) 0xff;
        Diagnostics d = new Diagnostics();
        assertTrue(SourceReader.decode(bytes, "bad.yaml", d).isEmpty());
        Diagnostic diagnostic = d.all().get(0);
        assertEquals("Y006", diagnostic.code().id());
        assertEquals(3, diagnostic.position().orElseThrow().line());
    }

    /** Acceptance: a 100 MB file and a billion-laughs file, each refused in under 2 s with a heap of 512 MB. */
    @Test
    void hugeAndExplodingFilesAreRefusedQuicklyInBoundedMemory(@TempDir Path tmp) throws Exception {
        Path huge = tmp.resolve("huge.yaml");
        try (var out = Files.newBufferedWriter(huge)) {
            out.write("berth: 1\ncontainers:\n");
            String line = "  # " + "x".repeat(1000) + "\n";
            for (long written = 0; written < 100L * 1024 * 1024; written += line.length()) {
                out.write(line);
            }
        }
        assertRefusedInTime(huge, "Y003");
        Path laughs = tmp.resolve("laughs.yaml");
        StringBuilder y = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(9))
                    .append("*a").append(i - 1).append("]\n");
        }
        Files.writeString(laughs, y);
        assertRefusedInTime(laughs, "Y003");
    }

    private static void assertRefusedInTime(Path file, String code) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.berth.cli.Main", "validate",
                file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "did not finish");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("error[" + code + "]"), output);
        assertTrue(!output.contains("OutOfMemoryError") && !output.contains("\tat "), output);
        System.out.println(file.getFileName() + " refused in " + millis + " ms (including JVM start)");
        assertTrue(millis < 2000, file.getFileName() + " took " + millis + " ms");
    }
}
