package dev.berth.cli;

import dev.berth.diag.DiagnosticPrinter;
import dev.berth.diag.Diagnostics;
import dev.berth.diag.HumanPrinter;
import dev.berth.diag.JsonPrinter;
import dev.berth.load.Source;
import java.io.PrintWriter;
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

    /** Human output goes to stderr; JSON is data and goes to stdout. */
    void report(Diagnostics diagnostics, Optional<Source> source) {
        DiagnosticPrinter printer = switch (options.format) {
            case json -> new JsonPrinter();
            case text -> new HumanPrinter(line -> source.map(s -> s.line(line)).orElse(""), options.color());
        };
        if (options.format == OutputOptions.Format.text && diagnostics.isEmpty()) {
            return;
        }
        printer.print(diagnostics, options.format == OutputOptions.Format.json ? out : err);
    }

    boolean failed(Diagnostics diagnostics) {
        return diagnostics.hasErrors() || options.strict && diagnostics.hasWarnings();
    }
}
