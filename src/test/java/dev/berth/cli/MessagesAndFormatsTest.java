package dev.berth.cli;

import static dev.berth.testing.Installs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.diag.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plurals, reasons for failures, JSON where the output is data, completion of codes, and unknown verbs. */
class MessagesAndFormatsTest {
    private static final Path EXAMPLE = Path.of("examples/book-ssh-container.yaml");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void compileCountsFilesWithTheirPlural() {
        Path one = dir.resolve("one.yaml");
        write(one, "berth: 1\ncontainers: {}\n");
        Path out = dir.resolve("out");

        assertEquals("Wrote 1 file to " + out + "\n", Cli.run("compile", one.toString(), "-o", out.toString()).out());
        assertEquals(out + ": up to date (1 file)\n", Cli.run("compile", one.toString(), "-o", out.toString(), "--check").out());
        assertEquals("Wrote 8 files to " + dir.resolve("eight") + "\n",
                Cli.run("compile", EXAMPLE.toString(), "-o", dir.resolve("eight").toString()).out());
    }

    @Test
    void aDirectoryIsNamedAsOneNotGivenAPosition() throws IOException {
        Path hosts = Files.createDirectories(dir.resolve("hosts"));

        Cli validate = Cli.run("validate", hosts + "/");

        assertEquals(1, validate.status(), validate.toString());
        assertEquals("error[Y006]: " + hosts + " is a directory, not a config file\n"
                + "  = hint: name a file in it; berth validate also takes a pattern (quoted): '" + hosts + "/*.yaml', or '"
                + hosts + "/**/*.yaml' for the files in its subdirectories too\n\n1 error, 0 warnings\n", validate.err());
        assertFalse(validate.err().contains("-->"), "a directory has no line and column");
    }

    @Test
    void graphIntoAMissingDirectorySaysSo() {
        Path target = dir.resolve("missing/dir/g.dot");

        Cli graph = Cli.run("graph", EXAMPLE.toString(), "-o", target.toString());

        assertEquals(1, graph.status(), graph.toString());
        assertEquals("berth: cannot write " + target + ": the directory " + target.getParent() + " does not exist "
                + "(create it with: mkdir -p " + target.getParent() + ")\n", graph.err());
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @Test
    void schemaTakesFormatJson() {
        Cli json = Cli.run("schema", "--format", "json");

        assertEquals(0, json.status(), json.toString());
        assertEquals(Cli.run("schema").out(), json.out());
        assertEquals("https://json-schema.org/draft/2020-12/schema", JSON.readTree(json.out()).path("$schema").asString());
    }

    @Test
    void explainTakesFormatJsonForAnEntryAndTheList() {
        Cli entry = Cli.run("explain", "a005", "--format", "json");

        assertEquals(0, entry.status(), entry.toString());
        JsonNode a005 = JSON.readTree(entry.out());
        assertEquals("A005", a005.path("code").asString());
        assertEquals("warning", a005.path("severity").asString());
        assertEquals(Code.A005.title(), a005.path("title").asString());
        assertEquals(Code.A005.goodExample(), a005.path("good_example").asString());

        JsonNode list = JSON.readTree(Cli.run("explain", "--list", "--format", "json").out());
        assertEquals(Code.values().length, list.path("codes").size());
        assertEquals("key", list.path("codes").get(Code.S002.ordinal()).path("points_at").asString());
        assertEquals(Code.values()[0].id(), list.path("codes").get(0).path("code").asString());
    }

    @Test
    void completionAfterExplainOffersTheCodes() {
        Cli bash = Cli.run("completion", "bash");
        Cli zsh = Cli.run("completion", "zsh");

        for (Cli script : List.of(bash, zsh)) {
            assertEquals(0, script.status(), script.toString());
            String explain = script.out().substring(script.out().indexOf("function _picocli_berth_explain()"));
            explain = explain.substring(0, explain.indexOf("\n}\n"));
            for (Code code : Code.values()) {
                assertTrue(explain.contains(code.id()), code + " is offered after 'berth explain':\n" + explain);
            }
        }
    }

    @Test
    void initSuggestsAListingThatShowsTheLinks() {
        Cli init = Cli.run("init", dir.toString());

        assertEquals(0, init.status(), init.toString());
        assertTrue(init.out().contains("find out -type f -o -type l | sort"), init.out());
        assertFalse(init.out().contains("find out -type f\n"), init.out());
    }

    @Test
    void anUnknownVerbIsAnErrorWhateverFollows() {
        for (List<String> args : List.of(List.of("nosuchverb"), List.of("nosuchverb", "--help"), List.of("valdate", "--help"),
                List.of("valdate", "-h", "berth.yaml"))) {
            Cli run = Cli.run(args.toArray(String[]::new));
            assertEquals(1, run.status(), args + ": " + run);
            assertEquals("", run.out(), args + ": no help for a verb that does not exist");
            assertTrue(run.err().startsWith("berth: unknown command '" + args.get(0) + "'"), run.err());
        }
        assertTrue(Cli.run("valdate", "--help").err().contains("did you mean 'validate'?"));
    }
}
