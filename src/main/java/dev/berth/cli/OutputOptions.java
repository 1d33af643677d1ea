package dev.berth.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every verb that reports diagnostics shares. */
final class OutputOptions {
    /**
     * text: for people, on stderr. json: berth's own shape, on stdout. github: workflow commands that GitHub
     * Actions shows as annotations. sarif: SARIF 2.1.0 for code-scanning services.
     */
    enum Format { text, json, github, sarif }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "text goes to stderr; json, github (Actions annotations) and sarif (SARIF 2.1.0) to stdout.")
    Format format;

    @Option(names = "--no-color", description = "Never colour the output. Colours are only used on a terminal, "
            + "and never when NO_COLOR is set or TERM is dumb.")
    boolean noColor;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only: no warnings (unless --strict), "
            + "no success messages, no plan or progress. json, github and sarif output is printed as usual.")
    boolean quiet;

    /** Text output with default choices, for commands whose output is not diagnostics (graph). */
    static OutputOptions text(CommandSpec command) {
        OutputOptions options = new OutputOptions();
        options.command = command;
        options.format = Format.text;
        return options;
    }

    boolean text() {
        return format == Format.text;
    }

    /** Whether text on standard output may be coloured. */
    boolean colorOut() {
        return !noColor && text() && Main.environment(command).color(Main.environment(command).stdoutTerminal());
    }

    /** Whether text on standard error may be coloured. */
    boolean colorErr() {
        return !noColor && text() && Main.environment(command).color(Main.environment(command).stderrTerminal());
    }

    /** Whether to print what is not an error: success lines, plans, progress (text format only). */
    boolean chatty() {
        return !quiet && text();
    }
}
