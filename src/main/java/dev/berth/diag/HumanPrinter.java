package dev.berth.diag;

import java.io.PrintWriter;
import java.util.function.IntFunction;

/**
 * Diagnostics for people, in the style of butane and rustc:
 * <pre>
 * error[S002] at /containers/web/rooot: unknown key 'rooot'
 *   --> berth.yaml:3:5
 *    |
 *  3 |     rooot: /srv/web
 *    |     ^^^^^
 *    = hint: did you mean 'root'?
 * </pre>
 */
public final class HumanPrinter implements DiagnosticPrinter {
    private final IntFunction<String> sourceLine;
    private final boolean color;

    /** @param sourceLine the text of a 1-based line of the config, for the excerpt */
    public HumanPrinter(IntFunction<String> sourceLine, boolean color) {
        this.sourceLine = sourceLine;
        this.color = color;
    }

    @Override
    public void print(Diagnostics diagnostics, PrintWriter out) {
        for (Diagnostic d : diagnostics.sorted()) {
            print(d, out);
        }
        long errors = diagnostics.all().stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.all().stream().filter(d -> d.severity() == Severity.WARNING).count();
        if (errors + warnings > 0) {
            out.println(paint(errors > 0 ? "1;31" : "1;33", summary(errors, warnings)));
        }
        out.flush();
    }

    static String summary(long errors, long warnings) {
        return errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
    }

    private void print(Diagnostic d, PrintWriter out) {
        String label = d.severity().label() + "[" + d.code().id() + "]";
        String colour = switch (d.severity()) {
            case ERROR -> "1;31";
            case WARNING -> "1;33";
            case NOTE -> "1;36";
        };
        out.println(paint(colour, label) + (d.path().isEmpty() ? "" : " at " + d.path()) + ": " + d.summary());
        d.position().ifPresent(p -> {
            String line = sourceLine.apply(p.line());
            String number = Integer.toString(p.line());
            String pad = " ".repeat(number.length());
            out.println(pad + paint("1;34", "--> ") + p);
            if (!line.isEmpty()) {
                out.println(pad + paint("1;34", " |"));
                out.println(paint("1;34", number + " |") + " " + line.replace('\t', ' '));
                out.println(pad + paint("1;34", " |") + " " + " ".repeat(Math.max(0, p.column() - 1))
                        + paint(colour, "^".repeat(tokenLength(line, p.column() - 1, d.code().pointsAtKey()))));
            }
        });
        if (!d.hint().isEmpty()) {
            out.println("  = hint: " + d.hint());
        }
        out.println();
    }

    /** The width of the key or value at the column: up to ':' for a key, to the line's end for a value. */
    private static int tokenLength(String line, int start, boolean key) {
        if (start >= line.length()) {
            return 1;
        }
        // inside a flow collection ({a: 1, b: 2}) a plain value ends at the next ',', '}' or ']'
        boolean flow = line.lastIndexOf('{', start) >= 0 || line.lastIndexOf('[', start) >= 0;
        int end = start;
        while (end < line.length() && !(key && line.charAt(end) == ':') && !line.startsWith(" #", end)
                && !(flow && ",}]".indexOf(line.charAt(end)) >= 0 && end > start)) {
            end++;
        }
        while (end > start + 1 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        if (end > start + 1 && line.charAt(end - 1) == ':') {
            end--; // a mapping key: underline the name, not its colon
        }
        return Math.max(1, end - start);
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
