package dev.berth.cli;

import picocli.CommandLine.Option;

/** Options every verb that reports diagnostics shares. */
final class OutputOptions {
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
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
