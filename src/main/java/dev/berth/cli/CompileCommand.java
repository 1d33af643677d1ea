package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.diag.Diagnostics;
import dev.berth.load.Source;
import dev.berth.tree.FileTree;
import dev.berth.tree.TreeCheck;
import dev.berth.tree.TreeCheckView;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code berth compile FILE -o DIR [--check]}: writes the complete tree a host needs below DIR, or compares DIR with it. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        header = "Compile a config into the file tree a host needs, or check a compiled tree.",
        description = {"Compile a config into the file tree a host needs (host units, guest units, symlinks, notes), "
                + "rooted at DIR. Nothing is written when the config has errors. Files already in DIR that berth "
                + "does not write are left alone.",
                "With --check nothing is written: DIR is compared with what berth would write, for repositories that "
                        + "commit the compiled tree. Stale, missing and extra files are listed, sorted by path."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:written (--check: DIR is up to date)",
                "1:invalid config, or a write failure (--check: DIR is stale, or cannot be read)",
                "3:internal error in berth"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth compile berth.yaml -o out/ && find out -type f -o -type l | sort",
                "  berth compile berth.yaml -o compiled/ --check   # fails when compiled/ is stale"})
final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE", description = "The berth.yaml to compile.")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Directory to write the tree into.")
    Path outDir;

    @Option(names = "--check", description = "Write nothing; exit 1 and list the stale, missing and extra files "
            + "when DIR differs from what berth would write.")
    boolean check;

    @Override
    public Integer call() {
        Reporter reporter = new Reporter(output, spec.commandLine().getOut(), spec.commandLine().getErr());
        Diagnostics diagnostics = new Diagnostics();
        Optional<Source> source = ConfigFile.read(file, diagnostics);
        if (source.isEmpty()) {
            reporter.report(diagnostics, source);
            return 1;
        }
        if (check) {
            Result<FileTree> result = Berth.compile(source.get());
            if (!result.ok() || reporter.failed(result.diagnostics())) {
                reporter.report(result.diagnostics(), source);
                return 1;
            }
            return check(result.value().get(), result.diagnostics(), reporter, source.get());
        }
        Result<Long> written;
        try {
            written = Berth.compileInto(source.get(), outDir, findings -> {
                reporter.report(findings, source);
                return !reporter.failed(findings);
            });
        } catch (IOException e) {
            spec.commandLine().getErr().println("berth: cannot write " + outDir + ": " + Words.reason(e));
            return 1;
        }
        if (!written.ok()) {
            return 1;
        }
        if (output.chatty()) {
            spec.commandLine().getOut().println("Wrote " + Words.count(written.value().get(), "file") + " to " + outDir);
        }
        return 0;
    }

    private int check(FileTree tree, Diagnostics warnings, Reporter reporter, Source source) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TreeCheck.Result result;
        try {
            result = TreeCheck.compare(tree, outDir);
        } catch (IOException e) {
            reporter.report(warnings, Optional.of(source));
            err.println("berth: cannot read " + outDir + ": " + e.getMessage());
            return 1;
        }
        String dir = outDir.toString();
        String fix = "to update it: berth compile " + file + " -o " + dir
                + (result.count(TreeCheck.Kind.EXTRA) > 0 ? ", and remove the extra files (compile never deletes)" : "");
        switch (output.format) {
            case json -> out.print(TreeCheckView.json(result, dir, warnings.sorted()));
            case github -> {
                reporter.report(warnings, Optional.of(source));
                out.print(TreeCheckView.github(result, dir, fix));
            }
            case sarif -> {
                // SARIF is about the config; the differences go to stderr as text
                reporter.report(warnings, Optional.of(source));
                err.print(TreeCheckView.text(result, dir));
            }
            case text -> {
                reporter.report(warnings, Optional.of(source));
                out.print(TreeCheckView.text(result, dir));
                if (result.upToDate() && output.chatty()) {
                    out.println(dir + ": up to date (" + Words.count(result.files(), "file") + ")");
                }
            }
        }
        out.flush();
        if (!result.upToDate() && output.format != OutputOptions.Format.json) {
            err.println("berth: " + dir + " is not what berth writes for " + file + ": " + TreeCheckView.summary(result));
            err.println("berth: " + fix);
        }
        err.flush();
        return result.upToDate() ? 0 : 1;
    }
}
