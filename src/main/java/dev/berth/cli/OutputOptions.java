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

    /** Replaced for each verb by {@link #formatHelp}, which says where that verb prints what. */
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    /** The verbs that report diagnostics through these options. */
    static final java.util.Set<String> VERBS = java.util.Set.of("validate", "compile", "plan", "apply", "destroy");

    private static final String FORMATS = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); github "
            + "writes annotations for GitHub Actions, sarif a SARIF 2.1.0 document. ";

    /**
     * The help of --format for a verb: where each format puts what the verb prints. One text per verb, because they
     * differ (the plan is stdout's in text, a problem is stderr's); OutputStreamsTest runs each verb to check it.
     */
    static String formatHelp(String verb) {
        return FORMATS + switch (verb) {
            case "validate" -> "text: problems on stderr, a 'FILE: valid' line per valid file on stdout. "
                    + "json, github and sarif: the problems on stdout.";
            case "compile" -> "text: problems and --check's verdict on stderr; on stdout the number of files written, "
                    + "or --check's stale, missing and extra files. json and github: problems and --check's "
                    + "differences on stdout. sarif: problems on stdout, --check's differences on stderr.";
            case "plan" -> "text: the plan on stdout, problems with the config and errors on stderr. json: one document "
                    + "on stdout, the plan with every problem. github and sarif: problems on stdout, the plan as text on stderr.";
            case "apply", "destroy" -> "text: the plan and the result on stdout; problems, progress and a failed step's "
                    + "report on stderr. json: one document on stdout, the plan with every problem and the outcome. "
                    + "github and sarif: problems on stdout, the plan and the result as text on stderr.";
            default -> throw new IllegalArgumentException("no --format help for " + verb);
        };
    }

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
