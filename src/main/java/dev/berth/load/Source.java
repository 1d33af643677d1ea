package dev.berth.load;

import java.util.Arrays;
import java.util.Objects;

/**
 * A config file's text and the name to show for it in diagnostics and generated headers. A value: two
 * sources are equal when their names and texts are.
 */
public final class Source {
    private final String name;
    private final String text;
    /** Where each line starts, computed on the first {@link #line} call: printing many diagnostics stays linear. */
    private int[] lineStarts;

    /**
     * @param name the file as the user named it (shown in {@code --> NAME:line:col})
     * @param text the whole file, already decoded
     */
    public Source(String name, String text) {
        this.name = Objects.requireNonNull(name);
        this.text = Objects.requireNonNull(text);
    }

    /** The file as the user named it (shown in {@code --> NAME:line:col}). */
    public String name() {
        return name;
    }

    /** The whole file, already decoded. */
    public String text() {
        return text;
    }

    /**
     * The 1-based line, without its line break; empty when out of range. Lines end at LF, CR LF or a lone CR,
     * as YAML counts them, so the line matches the parser's line numbers.
     */
    public String line(int number) {
        int[] starts = lineStarts();
        if (number > starts.length) {
            return "";
        }
        int start = starts[Math.max(number, 1) - 1];
        return text.substring(start, lineEnd(start));
    }

    /** The start of every line that exists: the first, and each one after a line break inside the text. */
    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            starts = new int[16];
            int count = 0;
            int start = 0;
            while (true) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = start;
                int end = lineEnd(start);
                if (end >= text.length()) {
                    break;
                }
                start = end + (text.startsWith("\r\n", end) ? 2 : 1);
            }
            starts = Arrays.copyOf(starts, count);
            lineStarts = starts;
        }
        return starts;
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

    @Override
    public boolean equals(Object other) {
        return other instanceof Source s && s.name.equals(name) && s.text.equals(text);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + text.hashCode();
    }

    @Override
    public String toString() {
        return "Source[name=" + name + ", text=" + text + "]";
    }
}
