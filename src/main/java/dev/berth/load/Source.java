package dev.berth.load;

import java.util.Objects;

/**
 * A config file's text and the name to show for it in diagnostics and generated headers.
 *
 * @param name the file as the user named it (shown in {@code --> NAME:line:col})
 * @param text the whole file, already decoded
 */
public record Source(String name, String text) {
    public Source {
        Objects.requireNonNull(name);
        Objects.requireNonNull(text);
    }

    /**
     * The 1-based line, without its line break; empty when out of range. Lines end at LF, CR LF or a lone CR,
     * as YAML counts them, so the line matches the parser's line numbers.
     */
    public String line(int number) {
        int start = 0;
        for (int i = 1; i < number; i++) {
            int next = lineEnd(start);
            if (next >= text.length()) {
                return "";
            }
            start = next + (text.startsWith("\r\n", next) ? 2 : 1);
        }
        return text.substring(start, lineEnd(start));
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** The file name without directories: what generated headers print, so output does not depend on the cwd. */
    public String baseName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
