package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configs through the real CLI: every problem with file:line:col, exit 1, nothing written, no stack trace. */
class CliErrorsTest {

    private static void assertNoStackTrace(Cli r) {
        assertFalse((r.out() + r.err()).contains("\tat "), "stack trace printed:\n" + r.err());
        assertFalse((r.out() + r.err()).contains("Exception"), "exception printed:\n" + r.err());
    }

    @Test
    void wrongTypeAndUnknownKeyAreBothReportedWithPositions(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("berth.yaml");
        Files.writeString(config, """
                berth: 1
                containers:
                  web:
                    root: /srv/web
                    rooot: /srv/typo
                    ports:
                      http: {listen: [80]}
                """);
        Cli r = Cli.run("validate", config.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("error[S002] at /containers/web/rooot: unknown key 'rooot'"), r.err());
        assertTrue(r.err().contains("--> " + config + ":5:5"), r.err());
        assertTrue(r.err().contains("did you mean 'root'?"), r.err());
        assertTrue(r.err().contains("error[S001] at /containers/web/ports/http/listen"), r.err());
        assertTrue(r.err().contains("--> " + config + ":7:22"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void syntaxErrorIsReportedAtTheParsersMark(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("berth.yaml");
        Files.writeString(config, "berth: 1\ncontainers:\n  web: {root: /srv/web\n");
        Cli r = Cli.run("validate", config.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("error[Y001]"), r.err());
        assertTrue(r.err().matches("(?s).*--> " + java.util.regex.Pattern.quote(config.toString()) + ":\\d+:\\d+.*"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void compileWritesNothingWhenTheConfigIsInvalid(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("berth.yaml");
        Files.writeString(config, "berth: 1\ncontainers:\n  my_container: {root: /srv/c}\n");
        Path out = tmp.resolve("out");
        Cli r = Cli.run("compile", config.toString(), "-o", out.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("error[N001] at /containers/my_container"), r.err());
        assertTrue(r.err().contains("--> " + config + ":3:3"), r.err());
        assertFalse(Files.exists(out), "nothing may be written for an invalid config");
        assertNoStackTrace(r);
    }

    @Test
    void missingFileIsADiagnosticNotAnException(@TempDir Path tmp) {
        Cli r = Cli.run("validate", tmp.resolve("nope.yaml").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("error[Y006]"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void validConfigExitsZero() {
        Cli r = Cli.run("validate", "examples/book-ssh-container.yaml");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void usageErrorsExitOneWithAHint() {
        Cli r = Cli.run("compile");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--help"), r.err());
    }
}
