package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.diag.Diagnostics;
import dev.berth.load.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code berth validate FILE...}: load, schema and semantic checks; writes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check configs and print every problem with file:line:col. Writes nothing.",
        footerHeading = "%nExample:%n",
        footer = {"  berth validate berth.yaml", "  berth validate --format json --strict hosts/*.yaml",
                "  berth validate --format github berth.yaml   # annotations in GitHub Actions",
                "%nExit status: 0 valid, 1 invalid (with --strict: also on warnings)."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "berth.yaml files to check.")
    List<Path> files;

    @Override
    public Integer call() {
        Reporter reporter = new Reporter(output, spec.commandLine().getOut(), spec.commandLine().getErr());
        boolean failed = false;
        Diagnostics all = new Diagnostics();
        List<Source> sources = new ArrayList<>();
        List<Path> valid = new ArrayList<>();
        for (Path file : files) {
            Diagnostics diagnostics = new Diagnostics();
            Optional<Source> source = ConfigFile.read(file, diagnostics);
            if (source.isPresent()) {
                sources.add(source.get());
                diagnostics = Berth.validate(source.get()).diagnostics();
            }
            all.addAll(diagnostics);
            boolean fileFailed = reporter.failed(diagnostics) || source.isEmpty();
            if (!fileFailed) {
                valid.add(file);
            }
            failed |= fileFailed;
        }
        reporter.report(all, sources);
        if (output.chatty()) {
            valid.forEach(file -> spec.commandLine().getOut().println(file + ": valid"));
        }
        return failed ? 1 : 0;
    }
}
