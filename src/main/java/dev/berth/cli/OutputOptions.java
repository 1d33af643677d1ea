package dev.berth.cli;

import picocli.CommandLine.Option;

/** Options every verb that reports diagnostics shares. */
final class OutputOptions {
    /**
     * text: for people, on stderr. json: berth's own shape, on stdout. github: workflow commands that GitHub
     * Actions shows as annotations. sarif: SARIF 2.1.0 for code-scanning services.
     */
    enum Format { text, json, github, sarif }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "text goes to stderr; json, github (Actions annotations) and sarif (SARIF 2.1.0) to stdout.")
    Format format;

    @Option(names = "--no-color", description = "Never colour the output (also when NO_COLOR is set).")
    boolean noColor;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    boolean color() {
        return !noColor && System.getenv("NO_COLOR") == null && System.console() != null
                && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }
}
