package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The man pages the build writes into target/man/man1: one per verb, valid troff that man renders. */
class ManPagesTest {
    private static final List<String> SECTIONS = List.of(".SH NAME\n", ".SH SYNOPSIS\n", ".SH DESCRIPTION\n", ".SH OPTIONS\n",
            ".SH \"EXIT STATUS\"\n", ".SH EXAMPLES\n", ".SH \"SEE ALSO\"\n");

    @Test
    void onePagePerVerbWithEverySectionAndOption() {
        Map<String, String> pages = ManPages.all();
        CommandLine berth = Main.commandLine(Environment.captured());

        List<String> expected = new ArrayList<>(List.of("berth.1"));
        berth.getSubcommands().keySet().stream().filter(v -> !v.equals("help")).forEach(v -> expected.add("berth-" + v + ".1"));
        assertEquals(expected, List.copyOf(pages.keySet()));
        for (var page : pages.entrySet()) {
            String text = page.getValue();
            String name = page.getKey().replace(".1", "");
            assertTrue(text.contains(".TH \"" + name.toUpperCase(java.util.Locale.ROOT) + "\" 1 "), page.getKey());
            int at = 0;
            for (String section : SECTIONS) {
                int next = text.indexOf(section, at);
                assertTrue(next > at, page.getKey() + " lacks " + section.strip() + " (or it is out of order)");
                at = next;
            }
            assertTrue(text.contains(ManPages.escape(name) + " \\- "), page.getKey() + ": NAME line");
        }
        for (var verb : berth.getSubcommands().entrySet()) {
            if (verb.getKey().equals("help")) {
                continue;
            }
            String page = pages.get("berth-" + verb.getKey() + ".1");
            for (OptionSpec option : verb.getValue().getCommandSpec().options()) {
                assertTrue(page.contains("\\fB" + ManPages.escape(option.longestName()) + "\\fR"),
                        verb.getKey() + ": " + option.longestName() + " is not documented");
            }
        }
        assertTrue(pages.get("berth.1").contains(".SH COMMANDS\n"));
    }

    @Test
    void manRendersEveryPageWithoutWarnings(@TempDir Path dir) throws Exception {
        Path groff = Path.of("/usr/bin/groff");
        assumeTrue(Files.isExecutable(groff), "groff is not installed: the pages were only checked for their structure");
        GeneratedFiles.write(dir);
        try (var pages = Files.list(dir.resolve("man/man1"))) {
            for (Path page : pages.sorted().toList()) {
                // -ww: all warnings; -z: no output, only the parse
                Process process = new ProcessBuilder(groff.toString(), "-man", "-Tutf8", "-ww", "-z", page.toString())
                        .redirectErrorStream(true).start();
                assertTrue(process.waitFor(30, TimeUnit.SECONDS));
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, process.exitValue(), page + ": " + output);
                assertEquals("", output, page + " has troff warnings");
            }
        }
        Process man = new ProcessBuilder(groff.toString(), "-man", "-Tascii", dir.resolve("man/man1/berth-compile.1").toString())
                .redirectErrorStream(true).start();
        String text = new String(man.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll(".\b", "");
        assertTrue(man.waitFor(30, TimeUnit.SECONDS));
        assertTrue(text.matches("(?s).*berth-compile\\s+-\\s+Compile\\s+a\\s+config.*"), text);
        assertTrue(text.contains("--check"), text);
        assertTrue(Files.readString(dir.resolve("completion/berth.bash")).contains("_complete_berth"));
    }
}
