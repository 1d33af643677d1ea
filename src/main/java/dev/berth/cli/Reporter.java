package dev.berth.cli;

import dev.berth.diag.Diagnostic;
import dev.berth.diag.DiagnosticPrinter;
import dev.berth.diag.Diagnostics;
import dev.berth.diag.GitHubPrinter;
import dev.berth.diag.HumanPrinter;
import dev.berth.diag.JsonPrinter;
import dev.berth.diag.SarifPrinter;
import dev.berth.load.Source;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** Prints a run's diagnostics in the chosen format and decides whether they fail it. */
final class Reporter {
    private final OutputOptions options;
    private final PrintWriter out;
    private final PrintWriter err;

    Reporter(OutputOptions options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** Human output goes to stderr; json, github and sarif are data and go to stdout. */
    void report(Diagnostics diagnostics, Optional<Source> source) {
        report(diagnostics, source.map(List::of).orElse(List.of()));
    }

    /**
     * All diagnostics of a run over several files, printed once: JSON and SARIF stay one document, and
     * every diagnostic names its file.
     */
    void report(Diagnostics diagnostics, List<Source> sources) {
        Diagnostics shown = options.text() && options.quiet && !options.strict ? errorsOf(diagnostics) : diagnostics;
        if (options.text() && shown.isEmpty()) {
            return;
        }
        printer(sources).print(shown, options.text() ? err : out);
    }

    /** --quiet: only what fails the run. */
    private static Diagnostics errorsOf(Diagnostics diagnostics) {
        Diagnostics errors = new Diagnostics();
        diagnostics.all().stream().filter(Diagnostic::isError).forEach(errors::add);
        return errors;
    }

    private DiagnosticPrinter printer(List<Source> sources) {
        return switch (options.format) {
            case json -> new JsonPrinter();
            case github -> new GitHubPrinter();
            case sarif -> new SarifPrinter(Version.current().orElse(""));
            case text -> new HumanPrinter(new SourceLines(sources)::line, options.colorErr());
        };
    }

    boolean failed(Diagnostics diagnostics) {
        return diagnostics.hasErrors() || options.strict && diagnostics.hasWarnings();
    }
}
