package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.diag.Diagnostics;
import dev.berth.load.Source;
import java.nio.file.Path;
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
        for (Path file : files) {
            Diagnostics diagnostics = new Diagnostics();
            Optional<Source> source = ConfigFile.read(file, diagnostics);
            if (source.isPresent()) {
                diagnostics = Berth.validate(source.get()).diagnostics();
            }
            reporter.report(diagnostics, source);
            boolean fileFailed = reporter.failed(diagnostics) || source.isEmpty();
            if (!fileFailed && output.format == OutputOptions.Format.text) {
                spec.commandLine().getOut().println(file + ": valid");
            }
            failed |= fileFailed;
        }
        return failed ? 1 : 0;
    }
}
