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

    /** The 1-based line, without its line break; empty when out of range. */
    public String line(int number) {
        int start = 0;
        for (int i = 1; i < number; i++) {
            int next = text.indexOf('\n', start);
            if (next < 0) {
                return "";
            }
            start = next + 1;
        }
        int end = text.indexOf('\n', start);
        String line = end < 0 ? text.substring(start) : text.substring(start, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The file name without directories: what generated headers print, so output does not depend on the cwd. */
    public String baseName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
