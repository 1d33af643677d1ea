package dev.berth.diag;

import java.io.Writer;

/**
 * Where a {@link JsonText} document is written: a growing buffer that escapes surrogates without their other half
 * as a six-character escape (backslash, u, four lowercase hex digits). A Java string can hold one (a YAML escape
 * of a lone surrogate makes it), JSON text in UTF-8 cannot, and Jackson writes them as they are. Outside strings a document is ASCII, so a surrogate met here is
 * always inside a string.
 */
final class JsonSink extends Writer {
    private final StringBuilder text;
    /** A high surrogate whose next character has not been written yet, or 0. */
    private char high;

    JsonSink(int capacity) {
        text = new StringBuilder(capacity);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (high != 0 || Character.isSurrogate(chars[i])) {
                text.append(chars, start, i - start);
                surrogate(chars[i]);
                start = i + 1;
            }
        }
        text.append(chars, start, end - start);
    }

    @Override
    public void write(String s, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (high != 0 || Character.isSurrogate(s.charAt(i))) {
                text.append(s, start, i);
                surrogate(s.charAt(i));
                start = i + 1;
            }
        }
        text.append(s, start, end);
    }

    @Override
    public void write(int c) {
        write(new char[] {(char) c}, 0, 1);
    }

    /** The character after a high surrogate, or a surrogate. */
    private void surrogate(char c) {
        if (high != 0) {
            if (Character.isLowSurrogate(c)) {
                text.append(high).append(c);
                high = 0;
                return;
            }
            escape(high);
            high = 0;
        }
        if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            escape(c);
        } else {
            text.append(c);
        }
    }

    private void escape(char c) {
        text.append("\\u").append(Integer.toHexString(c));
    }

    /** Nothing to do: a high surrogate waits for the character after it, which may come with the next write. */
    @Override
    public void flush() {
    }

    /** The document is complete: a high surrogate still waiting had no other half. */
    @Override
    public void close() {
        if (high != 0) {
            escape(high);
            high = 0;
        }
    }

    @Override
    public String toString() {
        close();
        return text.toString();
    }
}
