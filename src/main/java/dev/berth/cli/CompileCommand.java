package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.diag.Diagnostics;
import dev.berth.load.Source;
import dev.berth.tree.FileTree;
import dev.berth.tree.TreeWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code berth compile FILE -o DIR}: writes the complete tree a host needs below DIR. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compile a config into the file tree a host needs (host units, guest units, symlinks, notes), "
                + "rooted at DIR. Nothing is written when the config has errors.",
        footerHeading = "%nExample:%n",
        footer = {"  berth compile berth.yaml -o out/ && find out -type f",
                "%nExit status: 0 written, 1 invalid config or write failure."})
final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE", description = "The berth.yaml to compile.")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Directory to write the tree into.")
    Path outDir;

    @Override
    public Integer call() {
        Reporter reporter = new Reporter(output, spec.commandLine().getOut(), spec.commandLine().getErr());
        Diagnostics diagnostics = new Diagnostics();
        Optional<Source> source = ConfigFile.read(file, diagnostics);
        if (source.isEmpty()) {
            reporter.report(diagnostics, source);
            return 1;
        }
        Result<FileTree> result = Berth.compile(source.get());
        reporter.report(result.diagnostics(), source);
        if (!result.ok() || reporter.failed(result.diagnostics())) {
            return 1;
        }
        FileTree tree = result.value().get();
        try {
            TreeWriter.write(tree, outDir);
        } catch (IOException e) {
            spec.commandLine().getErr().println("berth: cannot write " + outDir + ": " + e.getMessage());
            return 1;
        }
        if (output.chatty()) {
            spec.commandLine().getOut().println("Wrote " + tree.size() + " files to " + outDir);
        }
        return 0;
    }
}
