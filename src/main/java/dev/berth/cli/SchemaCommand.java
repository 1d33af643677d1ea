package dev.berth.cli;

import dev.berth.schema.SchemaText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code berth schema}: the JSON Schema of berth.yaml, the very file berth validates with. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        header = "Print the JSON Schema of berth.yaml.",
        description = {"Print the JSON Schema (2020-12) of berth.yaml: every key with a description and an example.",
                "Point an editor at it with a first line such as "
                        + "'# yaml-language-server: $schema=berth.schema.json' (what berth init writes)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:printed or written", "1:the file cannot be written", "3:internal error in berth"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth schema > berth.schema.json", "  berth schema -o .vscode/berth.schema.json"})
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The schema is JSON: the only format, accepted so that --format json works here as on every verb. */
    enum Format { json }

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the schema into FILE instead of stdout.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "Output format: ${COMPLETION-CANDIDATES} (the schema is a JSON document; default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        String schema = SchemaText.read();
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(schema.endsWith("\n") ? schema : schema + "\n");
            out.flush();
            return 0;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, schema);
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("berth: cannot write " + output + ": " + Words.reason(e));
            err.flush();
            return 1;
        }
        return 0;
    }
}
