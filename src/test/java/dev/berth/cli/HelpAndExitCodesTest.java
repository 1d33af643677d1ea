package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testing.Cases;
import dev.berth.testing.Installs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every verb's help, --version, and each exit status berth documents. */
class HelpAndExitCodesTest {
    static List<String> verbs() {
        return List.copyOf(Main.commandLine(Environment.captured()).getSubcommands().keySet());
    }

    @AfterEach
    void realHosts() {
        Hosts.factory = Hosts.REAL;
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("verbs")
    void everyVerbHasHelpWithAnExampleAndItsExitStatus(String verb) {
        Cli help = verb.equals("help") ? Cli.run("help", "--help") : Cli.run(verb, "--help");

        assertEquals(0, help.status(), help.toString());
        assertEquals("", help.err());
        assertTrue(help.out().strip().startsWith("Usage: berth " + verb), help.out());
        assertTrue(help.out().matches("(?s).*\nExamples:\n  (sudo )?berth .*"), help.out());
        assertTrue(help.out().contains("\nExit status:\n  0 "), help.out());
        assertEquals(help.out(), Cli.run("help", verb).out(), "berth help VERB is VERB --help");
    }

    @Test
    void berthAloneShowsTheVerbsAndTheExitStatusTable() {
        Cli berth = Cli.run();

        assertEquals(0, berth.status(), berth.toString());
        for (String verb : verbs()) {
            assertTrue(berth.out().contains("\n  " + verb + " "), verb + " missing from:\n" + berth.out());
        }
        for (String code : List.of("0", "1", "2", "3")) {
            assertTrue(berth.out().contains("\n  " + code + "   "), code + " missing from:\n" + berth.out());
        }
        assertEquals(berth.out(), Cli.run("--help").out());
    }

    @Test
    void versionIsTheBuildsVersion() throws IOException {
        Matcher pom = Pattern.compile("<artifactId>berth</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Cases.ROOT.resolve("pom.xml")));
        assertTrue(pom.find());

        Cli version = Cli.run("--version");

        assertEquals(0, version.status(), version.toString());
        assertTrue(version.out().startsWith("berth " + pom.group(1) + "\nJava "), version.out());
        assertTrue(version.out().contains(") in " + System.getProperty("java.home") + "\n"), "the runtime's place");
        assertEquals(version.out(), Cli.run("validate", "--version").out(), "every verb knows the version");
    }

    @Test
    void exitZeroOneTwoThree(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path config = dir.resolve("berth.yaml");
        Installs.write(config, Installs.BOTH);
        Path invalid = dir.resolve("invalid.yaml");
        Installs.write(invalid, "berth: 1\ncontainers: {a_b: {root: /srv/x}}\n");

        assertEquals(0, Cli.run("validate", config.toString()).status());
        assertEquals(1, Cli.run("validate", invalid.toString()).status(), "invalid config");
        assertEquals(1, Cli.run("validate", "--no-such-option", config.toString()).status(), "usage mistake");
        assertEquals(1, Cli.run("frobnicate").status(), "unknown verb");
        assertEquals(2, Cli.run("plan", config.toString(), "--root", root.toString(), "--detailed-exitcode").status());
        assertEquals(0, Cli.run("plan", config.toString(), "--root", root.toString()).status());

        Hosts.factory = r -> {
            throw new IllegalStateException("a bug");
        };
        Cli bug = Cli.run("plan", config.toString(), "--root", root.toString());
        assertEquals(3, bug.status(), bug.toString());
        assertTrue(bug.err().contains("berth: internal error: java.lang.IllegalStateException: a bug"), bug.err());
        assertFalse(bug.err().contains("\tat "), "no stack trace without BERTH_DEBUG:\n" + bug.err());
        Cli debug = Cli.run(new Environment(java.util.Map.of("BERTH_DEBUG", "1"), false, false),
                "plan", config.toString(), "--root", root.toString());
        assertEquals(3, debug.status());
        assertTrue(debug.err().contains("\tat "), debug.err());
    }

    @Test
    void readmeListsEveryExitStatus() throws IOException {
        String readme = Files.readString(Cases.ROOT.resolve("README.md"));
        Main.commandLine(Environment.captured()).getCommandSpec().usageMessage().exitCodeList().keySet()
                .forEach(code -> assertTrue(readme.contains("| `" + code.strip() + "` |"), "README lacks exit status " + code));
    }
}
