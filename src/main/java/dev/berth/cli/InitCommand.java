package dev.berth.cli;

import dev.berth.schema.SchemaText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code berth init [DIR]}: a commented starter berth.yaml (the book's container, which compiles as is)
 * and the JSON Schema beside it, which the starter's first line points editors at.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        header = "Write a commented starter berth.yaml and its JSON Schema.",
        description = {"Write a commented starter berth.yaml into DIR: the book's SSH container, which compiles as is.",
                "berth.schema.json is written beside it; the starter's first line "
                        + "(# yaml-language-server: $schema=berth.schema.json) lets editors complete and check keys. "
                        + "Existing files are not overwritten without --force."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:written", "1:a file exists (without --force), or a write failure", "3:internal error in berth"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth init && berth validate berth.yaml", "  berth init hosts/web1 --force"})
final class InitCommand implements Callable<Integer> {
    static final String CONFIG = "berth.yaml";
    static final String SCHEMA = "berth.schema.json";
    private static final String STARTER = "starter.yaml";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "Directory to write into (default: the current directory); created if missing.")
    Path dir;

    @Option(names = "--force", description = "Overwrite berth.yaml and berth.schema.json if they exist.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path config = dir.resolve(CONFIG);
        Path schema = dir.resolve(SCHEMA);
        if (!force) {
            List<Path> existing = List.of(config, schema).stream().filter(Files::exists).toList();
            if (!existing.isEmpty()) {
                existing.forEach(p -> err.println("berth: " + p + " exists; nothing was written (--force overwrites it)"));
                err.flush();
                return 1;
            }
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(config, starter());
            Files.writeString(schema, SchemaText.read());
        } catch (IOException e) {
            err.println("berth: cannot write into " + dir + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        out.println("Wrote " + config + " and " + schema + ". Next:");
        out.println("  berth validate " + config);
        out.println("  berth compile " + config + " -o out && find out -type f -o -type l | sort");
        out.flush();
        return 0;
    }

    /** The starter config, as shipped in the jar. */
    static String starter() {
        try (InputStream in = InitCommand.class.getResourceAsStream(STARTER)) {
            if (in == null) {
                throw new IllegalStateException(STARTER + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
