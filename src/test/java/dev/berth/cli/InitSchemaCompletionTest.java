package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.load.Source;
import dev.berth.testing.Cases;
import dev.berth.tree.FileTree;
import dev.berth.tree.TreeListing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** berth init, berth schema and berth completion. */
class InitSchemaCompletionTest {
    @TempDir
    Path dir;

    @Test
    void initWritesAStarterThatCompilesAndItsSchema() throws IOException {
        Path target = dir.resolve("new/project");

        Cli init = Cli.run("init", target.toString());

        assertEquals(0, init.status(), init.toString());
        Path config = target.resolve("berth.yaml");
        assertTrue(init.out().contains("berth validate " + config), init.out());
        String starter = Files.readString(config);
        assertTrue(starter.startsWith("# yaml-language-server: $schema=berth.schema.json\n"), starter);
        assertEquals(Files.readString(Cases.ROOT.resolve("schemas/berth.schema.json")),
                Files.readString(target.resolve("berth.schema.json")), "the schema the first line points at is beside it");
        Cli validate = Cli.run("validate", "--strict", config.toString());
        assertEquals(0, validate.status(), validate.toString());
        assertEquals("", validate.err(), "no warnings either");
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("compile", config.toString(), "-o", out.toString()).status());
        assertTrue(Files.exists(out.resolve("etc/systemd/system/mycontainer.socket")));
    }

    @Test
    void theStarterIsTheBooksExampleWithMoreComments() throws IOException {
        Result<FileTree> starter = Berth.compile(new Source("berth.yaml", InitCommand.starter()));
        Result<FileTree> book = Berth.compile(new Source("berth.yaml",
                Files.readString(Cases.EXAMPLES.resolve("book-ssh-container.yaml"))));

        assertEquals(TreeListing.render(book.value().orElseThrow()), TreeListing.render(starter.value().orElseThrow()));
    }

    @Test
    void initRefusesToOverwriteWithoutForce() throws IOException {
        Files.writeString(dir.resolve("berth.yaml"), "mine\n");

        Cli refused = Cli.run("init", dir.toString());

        assertEquals(1, refused.status());
        assertTrue(refused.err().contains(dir.resolve("berth.yaml") + " exists"), refused.err());
        assertEquals("mine\n", Files.readString(dir.resolve("berth.yaml")));
        assertFalse(Files.exists(dir.resolve("berth.schema.json")), "nothing is written when one file is in the way");

        assertEquals(0, Cli.run("init", dir.toString(), "--force").status());
        assertEquals(InitCommand.starter(), Files.readString(dir.resolve("berth.yaml")));
    }

    @Test
    void schemaPrintsThePublishedSchema() throws IOException {
        Path published = Cases.ROOT.resolve("schemas/berth.schema.json");

        Cli schema = Cli.run("schema");

        assertEquals(0, schema.status(), schema.toString());
        JsonMapper json = JsonMapper.shared();
        assertEquals(json.readTree(Files.readString(published)), json.readTree(schema.out()));

        Path file = dir.resolve("editor/berth.schema.json");
        assertEquals(0, Cli.run("schema", "-o", file.toString()).status());
        assertEquals(Files.readString(published), Files.readString(file));
    }

    @Test
    void completionScriptLoadsInBash() throws Exception {
        Cli completion = Cli.run("completion", "bash");
        assertEquals(0, completion.status(), completion.toString());
        for (String verb : Main.commandLine(Environment.captured()).getSubcommands().keySet()) {
            assertTrue(completion.out().contains(verb), verb + " is not completed");
        }
        assertEquals(completion.out(), Cli.run("completion", "zsh").out(), "one script serves both shells");
        assertEquals(1, Cli.run("completion", "fish").status());

        Path script = dir.resolve("berth.bash");
        Files.writeString(script, completion.out());
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "bash is not installed");
        Process process = new ProcessBuilder(bash.toString(), "-c", "source \"$1\" && complete -p berth", "bash", script.toString())
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertEquals("complete -o default -F _complete_berth berth\n", output);

        // and it completes: verbs, then a verb's options
        String complete = "source \"$1\"; COMP_WORDS=(berth comp); COMP_CWORD=1; COMP_LINE='berth comp'; COMP_POINT=10; "
                + "_complete_berth 2>/dev/null; echo \"${COMPREPLY[*]}\"; "
                + "COMP_WORDS=(berth compile --ch); COMP_CWORD=2; COMP_LINE='berth compile --ch'; COMP_POINT=18; "
                + "_complete_berth 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process completing = new ProcessBuilder(bash.toString(), "-c", complete, "bash", script.toString()).start();
        assertTrue(completing.waitFor(30, TimeUnit.SECONDS));
        assertEquals("compile completion\n--check\n",
                new String(completing.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
