package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
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
        header = "Check configs and print every problem with file:line:col.",
        description = {"Check configs and print every problem with file:line:col. Writes nothing.",
                "FILE may be a glob pattern, expanded by berth (quote it): * ? [a-z] {a,b}, and ** across "
                        + "directories, relative to the current directory. A pattern that matches no file is an error."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every file is valid",
                "1:a file is invalid (with --strict: also on warnings), missing, or a pattern matches nothing",
                "3:internal error in berth"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth validate berth.yaml", "  berth validate --strict 'hosts/**/*.yaml'",
                "  berth validate --format github berth.yaml   # annotations in GitHub Actions"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "berth.yaml files or glob patterns to check.")
    List<Path> files;

    @Override
    public Integer call() {
        Reporter reporter = new Reporter(output, spec.commandLine().getOut(), spec.commandLine().getErr());
        Diagnostics all = new Diagnostics();
        FileArguments.Expansion expansion = FileArguments.expand(files.stream().map(Path::toString).toList());
        for (String pattern : expansion.unmatched()) {
            all.add(Diagnostic.error(Code.Y006, "", "no file matches '" + pattern + "'",
                    (pattern.startsWith("/") ? "" : "patterns are matched relative to " + Path.of("").toAbsolutePath() + "; ")
                            + "* stays within a directory, ** crosses directories"));
        }
        boolean failed = !expansion.unmatched().isEmpty();
        List<Source> sources = new ArrayList<>();
        List<Path> valid = new ArrayList<>();
        for (Path file : expansion.files()) {
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
