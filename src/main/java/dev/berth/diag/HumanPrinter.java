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
    /** The text of a 1-based line of a config file, without its line break; "" when unknown. */
    @FunctionalInterface
    public interface SourceLines {
        String line(String file, int line);
    }

    private final SourceLines sourceLines;
    private final boolean color;

    /** @param sourceLine the text of a 1-based line of the (one) config, for the excerpt */
    public HumanPrinter(IntFunction<String> sourceLine, boolean color) {
        this((file, line) -> sourceLine.apply(line), color);
    }

    public HumanPrinter(SourceLines sourceLines, boolean color) {
        this.sourceLines = sourceLines;
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
        out.println(paint(colour, label) + (d.path().isEmpty() ? "" : " at " + Text.printable(d.path())) + ": "
                + Text.printable(d.summary()));
        String pad = " ".repeat(d.position().map(p -> Integer.toString(p.line()).length()).orElse(1));
        d.position().ifPresent(p -> {
            String line = visible(sourceLines.line(p.file(), p.line()));
            String number = Integer.toString(p.line());
            out.println(pad + paint("1;34", "--> ") + p);
            int start = p.column() - 1;
            if (!line.isEmpty() && start <= line.length()) {
                int width = p.length() > 0 ? Math.min(p.length(), Math.max(1, line.length() - start))
                        : tokenLength(line, start, d.code().pointsAtKey());
                out.println(pad + paint("1;34", " |"));
                out.println(paint("1;34", number + " |") + " " + line);
                out.println(pad + paint("1;34", " |") + " " + " ".repeat(Math.max(0, start))
                        + paint(colour, "^".repeat(width)));
            }
        });
        if (!d.hint().isEmpty()) {
            out.println(pad + " = hint: " + Text.printable(d.hint()));
        }
        out.println();
    }

    /**
     * The line as one character per column (YAML columns count code points): tabs become spaces, other
     * control characters and characters outside the BMP become '?', so the caret lines up and nothing
     * in a hostile file can move the terminal's cursor.
     */
    static String visible(String line) {
        StringBuilder out = new StringBuilder(line.length());
        line.codePoints().forEach(c -> out.append(c == '\t' ? ' '
                : Character.isISOControl(c) || c > 0xFFFF || c == 0x2028 || c == 0x2029 ? '?' : (char) c));
        return out.toString();
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
