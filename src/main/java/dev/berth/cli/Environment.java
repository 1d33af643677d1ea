package dev.berth.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What berth reads from the process around it: environment variables and whether its standard output
 * and error are terminals. {@link Main#main} detects them; tests pass their own, so colours, progress and
 * the lookup of Graphviz's {@code dot} can be driven in-process.
 *
 * @param variables      the environment, e.g. {@code NO_COLOR}, {@code TERM}, {@code PATH}
 * @param stdoutTerminal whether standard output is a terminal
 * @param stderrTerminal whether standard error is a terminal
 */
record Environment(Map<String, String> variables, boolean stdoutTerminal, boolean stderrTerminal) {
    Environment {
        variables = Map.copyOf(variables);
    }

    /** The process's environment, with output captured (not a terminal): what {@link Main#run} uses. */
    static Environment captured() {
        return new Environment(System.getenv(), false, false);
    }

    /** The process as it is: a terminal is a character device under /dev (/proc/self/fd says which). */
    static Environment detect() {
        return new Environment(System.getenv(), terminal(1), terminal(2));
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /**
     * Whether colours may be used on a stream: only on a terminal that is not "dumb", never when
     * {@code NO_COLOR} is set to anything but the empty string (no-color.org).
     */
    boolean color(boolean terminal) {
        // no lambdas: this runs before berth prints its help, where linking the first lambda costs more than the rest
        String noColor = variables.get("NO_COLOR");
        String term = variables.get("TERM");
        return terminal && (noColor == null || noColor.isEmpty()) && term != null && !term.isEmpty() && !"dumb".equals(term);
    }

    private static boolean terminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            // no /proc: Java 17 knows only whether stdin and stdout both are terminals
            return System.console() != null;
        }
    }
}
