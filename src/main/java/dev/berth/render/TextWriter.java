package dev.berth.render;

import java.io.Writer;

/** A {@link java.io.StringWriter} without its lock: each rendering writes to one of its own, on one thread. */
final class TextWriter extends Writer {
    private final StringBuilder text = new StringBuilder(1024);

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public void write(String string) {
        text.append(string);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
