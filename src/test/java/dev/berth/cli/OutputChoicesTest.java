package dev.berth.cli;

import static dev.berth.testing.Installs.BOTH;
import static dev.berth.testing.Installs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colours only on a terminal and never with NO_COLOR or --no-color; --quiet; progress on stderr. */
class OutputChoicesTest {
    private static final String ESC = "\u001b[";
    private static final String WARNING_ONLY = """
            berth: 1
            containers:
              web:
                root: /srv/web
                ports: {ssh: {listen: 23}}
                services:
                  sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i]}
            """;

    @TempDir
    Path dir;

    private static Environment terminal(Map<String, String> variables) {
        return new Environment(variables, true, true);
    }

    private Path invalid() {
        Path file = dir.resolve("invalid.yaml");
        write(file, "berth: 1\ncontainers:\n  web: {root: /srv/web, rooot: x}\n");
        return file;
    }

    @Test
    void coloursOnATerminalOnly() {
        String file = invalid().toString();
        Cli onTerminal = Cli.run(terminal(Map.of("TERM", "xterm-256color")), "validate", file);
        assertTrue(onTerminal.err().contains(ESC), "a terminal gets colours:\n" + onTerminal.err());

        Cli captured = Cli.run(new Environment(Map.of("TERM", "xterm-256color"), false, false), "validate", file);
        assertFalse(captured.err().contains(ESC), captured.err());
        Cli stdoutOnly = Cli.run(new Environment(Map.of("TERM", "xterm-256color"), true, false), "validate", file);
        assertFalse(stdoutOnly.err().contains(ESC), "stderr is what counts for diagnostics:\n" + stdoutOnly.err());
    }

    @Test
    void noColorAndDumbTerminalsAndTheFlagTurnColoursOff() {
        String file = invalid().toString();
        Cli noColor = Cli.run(terminal(Map.of("TERM", "xterm", "NO_COLOR", "1")), "validate", file);
        assertEquals(1, noColor.status());
        assertTrue(noColor.err().contains("error[S002]"), noColor.err());
        assertFalse(noColor.err().contains(ESC), noColor.err());

        assertFalse(Cli.run(terminal(Map.of("TERM", "xterm")), "validate", "--no-color", file).err().contains(ESC));
        assertFalse(Cli.run(terminal(Map.of("TERM", "dumb")), "validate", file).err().contains(ESC));
        assertFalse(Cli.run(terminal(Map.of()), "validate", file).err().contains(ESC), "no TERM, no colours");
        // no-color.org: an empty NO_COLOR does not count
        assertTrue(Cli.run(terminal(Map.of("TERM", "xterm", "NO_COLOR", "")), "validate", file).err().contains(ESC));
    }

    @Test
    void planIsColouredOnlyWhenStdoutIsATerminal() throws IOException {
        Path config = dir.resolve("berth.yaml");
        write(config, BOTH);
        Path root = Files.createDirectories(dir.resolve("root"));
        String[] plan = {"plan", config.toString(), "--root", root.toString()};

        assertTrue(Cli.run(new Environment(Map.of("TERM", "xterm"), true, false), plan).out().contains(ESC));
        assertFalse(Cli.run(new Environment(Map.of("TERM", "xterm", "NO_COLOR", "1"), true, true), plan).out().contains(ESC));
        assertFalse(Cli.run(plan).out().contains(ESC));
    }

    @Test
    void quietPrintsErrorsOnly() throws IOException {
        Path warning = dir.resolve("warning.yaml");
        write(warning, WARNING_ONLY);

        Cli valid = Cli.run("validate", "--quiet", "examples/book-ssh-container.yaml", warning.toString());
        assertEquals(0, valid.status(), valid.toString());
        assertEquals("", valid.out());
        assertEquals("", valid.err(), "warnings are not errors");

        Cli strict = Cli.run("validate", "-q", "--strict", warning.toString());
        assertEquals(1, strict.status());
        assertTrue(strict.err().contains("warning[C005]"), "--strict makes warnings errors, and they are shown:\n" + strict.err());

        Cli invalid = Cli.run("validate", "-q", invalid().toString());
        assertEquals(1, invalid.status());
        assertTrue(invalid.err().contains("error[S002]"), invalid.err());

        Cli json = Cli.run("validate", "-q", "--format", "json", warning.toString());
        assertTrue(json.out().contains("\"warnings\": 2"), "data formats are not cut:\n" + json.out());

        Path out = dir.resolve("out");
        Cli compile = Cli.run("compile", "-q", "examples/book-ssh-container.yaml", "-o", out.toString());
        assertEquals(0, compile.status(), compile.toString());
        assertEquals("", compile.out() + compile.err());
    }

    @Test
    void quietApplyAndPlanPrintNothingButTheExitStatusSaysWhatHappened() throws IOException {
        Path config = dir.resolve("berth.yaml");
        write(config, BOTH);
        Path root = Files.createDirectories(dir.resolve("root"));

        Cli plan = Cli.run("plan", config.toString(), "--root", root.toString(), "-q", "--detailed-exitcode");
        assertEquals(2, plan.status(), plan.toString());
        assertEquals("", plan.out() + plan.err());

        Cli apply = Cli.run("apply", config.toString(), "--root", root.toString(), "-q");
        assertEquals(0, apply.status(), apply.toString());
        assertEquals("", apply.out() + apply.err());
        assertTrue(Files.exists(root.resolve("etc/systemd/system/alpha.socket")));
    }

    @Test
    void progressGoesToStderrWhenAskedForOrOnATerminal() throws IOException {
        Path config = dir.resolve("berth.yaml");
        write(config, BOTH);

        Cli captured = Cli.run("apply", config.toString(), "--root", Files.createDirectories(dir.resolve("a")).toString());
        assertEquals(0, captured.status(), captured.toString());
        assertEquals("", captured.err(), "no progress in captured output unless asked for");
        assertTrue(captured.out().contains("Apply complete"), captured.out());

        Cli asked = Cli.run("apply", config.toString(), "--root", Files.createDirectories(dir.resolve("b")).toString(), "--progress");
        assertEquals(0, asked.status(), asked.toString());
        assertTrue(asked.err().startsWith("[1/17] claim the new paths in var/lib/berth/manifest.json\n[2/17] + "), asked.err());
        assertTrue(asked.err().contains("[17/17] record var/lib/berth/manifest.json\n"), asked.err());
        assertFalse(asked.out().contains("[1/"), "progress stays off stdout");

        Cli terminal = Cli.run(new Environment(Map.of("TERM", "xterm"), false, true),
                "apply", config.toString(), "--root", Files.createDirectories(dir.resolve("c")).toString());
        assertTrue(terminal.err().startsWith("\r\u001b[K[1/17] "), terminal.err());
        assertTrue(terminal.err().endsWith("\r\u001b[K"), "the line is cleared at the end");

        Cli quiet = Cli.run(new Environment(Map.of("TERM", "xterm"), true, true),
                "destroy", "--root", dir.resolve("c").toString(), "--quiet", "--progress");
        assertEquals(0, quiet.status(), quiet.toString());
        assertEquals("", quiet.out() + quiet.err());
    }
}
