package dev.berth.cli;

import static dev.berth.testing.Installs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each verb's --help says about its streams is what it does: every verb that reports diagnostics is run in
 * every format, once succeeding and once failing, and stdout and stderr are checked against the sentence its help
 * prints for that format.
 */
class OutputStreamsTest {
    private static final Path EXAMPLE = Path.of("examples/book-ssh-container.yaml");
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (String verb : List.of("validate", "compile", "plan", "apply", "destroy")) {
            for (String format : List.of("text", "json", "github", "sarif")) {
                runs.add(Arguments.of(verb, format));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} --format {1}")
    @MethodSource("runs")
    void helpSaysWhereTheOutputGoes(String verb, String format) throws IOException {
        String help = Cli.run(verb, "--help").out().replaceAll("\\s+", " ");
        Cli ok = succeeding(verb, format);
        Cli failed = failing(verb, format);
        assertEquals(0, ok.status(), ok.toString());
        assertEquals(1, failed.status(), failed.toString());
        String result = switch (verb) {
            case "validate" -> ": valid";
            case "compile" -> "Wrote ";
            case "plan" -> "Plan: ";
            case "apply" -> "Apply complete: ";
            default -> "Destroy complete: ";
        };
        switch (format) {
            case "text" -> {
                assertTrue(help.contains(switch (verb) {
                    case "validate" -> "text: problems on stderr, a 'FILE: valid' line per valid file on stdout.";
                    case "compile" -> "text: problems and --check's verdict on stderr; on stdout the number of files written";
                    case "plan" -> "text: the plan on stdout, problems with the config and errors on stderr.";
                    default -> "text: the plan and the result on stdout; problems, progress and a failed step's report on stderr.";
                }), help);
                assertTrue(ok.out().contains(result), ok.toString());
                assertTrue(failed.out().isEmpty() && failed.err().contains("error["), failed.toString());
            }
            case "json" -> {
                assertTrue(help.contains(switch (verb) {
                    case "validate" -> "json, github and sarif: the problems on stdout.";
                    case "compile" -> "json and github: problems and --check's differences on stdout.";
                    case "plan" -> "json: one document on stdout, the plan with every problem.";
                    default -> "json: one document on stdout, the plan with every problem and the outcome.";
                }), help);
                JSON.readTree(ok.out());
                assertTrue(JSON.readTree(failed.out()).toString().contains("\"code\":\""), failed.toString());
                assertEquals("", ok.err() + failed.err());
            }
            case "github" -> {
                assertTrue(help.contains(switch (verb) {
                    case "validate" -> "json, github and sarif: the problems on stdout.";
                    case "compile" -> "json and github: problems and --check's differences on stdout.";
                    case "plan" -> "github and sarif: problems on stdout, the plan as text on stderr.";
                    default -> "github and sarif: problems on stdout, the plan and the result as text on stderr.";
                }), help);
                assertAnnotationsOnly(ok.out());
                assertAnnotationsOnly(failed.out());
                assertTrue(failed.out().contains("::error "), failed.toString());
                if (!verb.equals("validate") && !verb.equals("compile")) {
                    assertTrue(ok.err().contains(result), ok.toString());
                }
            }
            default -> {
                assertTrue(help.contains(switch (verb) {
                    case "validate" -> "json, github and sarif: the problems on stdout.";
                    case "compile" -> "sarif: problems on stdout, --check's differences on stderr.";
                    case "plan" -> "github and sarif: problems on stdout, the plan as text on stderr.";
                    default -> "github and sarif: problems on stdout, the plan and the result as text on stderr.";
                }), help);
                if (!ok.out().isEmpty() || !verb.equals("destroy")) {
                    JSON.readTree(ok.out());
                }
                JsonNode sarif = JSON.readTree(failed.out());
                assertTrue(sarif.path("runs").get(0).path("results").size() > 0, failed.toString());
                if (!verb.equals("validate") && !verb.equals("compile")) {
                    assertTrue(ok.err().contains(result), ok.toString());
                }
            }
        }
    }

    private static void assertAnnotationsOnly(String out) {
        out.lines().filter(l -> !l.isEmpty())
                .forEach(l -> assertTrue(l.startsWith("::"), "only workflow commands on stdout:\n" + out));
    }

    private Cli succeeding(String verb, String format) throws IOException {
        Path root = Files.createDirectories(dir.resolve("ok"));
        return switch (verb) {
            case "validate" -> Cli.run("validate", EXAMPLE.toString(), "--format", format);
            case "compile" -> Cli.run("compile", EXAMPLE.toString(), "-o", dir.resolve("out").toString(), "--format", format);
            case "destroy" -> {
                assertEquals(0, Cli.run("apply", EXAMPLE.toString(), "--root", root.toString()).status());
                yield Cli.run("destroy", "--root", root.toString(), "--format", format);
            }
            default -> Cli.run(verb, EXAMPLE.toString(), "--root", root.toString(), "--format", format);
        };
    }

    private Cli failing(String verb, String format) throws IOException {
        Path root = Files.createDirectories(dir.resolve("failing"));
        switch (verb) {
            case "validate", "compile" -> {
                Path bad = dir.resolve("bad.yaml");
                write(bad, "berth: 1\ncontainers:\n  web: {rooot: /srv/web}\n");
                return verb.equals("validate") ? Cli.run("validate", bad.toString(), "--format", format)
                        : Cli.run("compile", bad.toString(), "-o", dir.resolve("bad-out").toString(), "--format", format);
            }
            case "destroy" -> {
                assertEquals(0, Cli.run("apply", EXAMPLE.toString(), "--root", root.toString()).status());
                try (FileChannel channel = FileChannel.open(root.resolve("var/lib/berth/lock"), StandardOpenOption.WRITE);
                     FileLock held = channel.lock()) {
                    return Cli.run("destroy", "--root", root.toString(), "--format", format);
                }
            }
            default -> {
                write(root.resolve("etc/systemd/system/mycontainer.service"), "# by hand\n");
                return Cli.run(verb, EXAMPLE.toString(), "--root", root.toString(), "--format", format);
            }
        }
    }
}
