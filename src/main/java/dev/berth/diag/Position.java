package dev.berth.diag;

/**
 * A place in a source file: 1-based line and column, as editors show them.
 *
 * @param length how many characters the node covers on its line, for the caret under it; 0 when unknown
 *               (the printer then guesses from the line's text)
 */
public record Position(String file, int line, int column, int length) {
    public Position {
        length = Math.max(0, length);
    }

    public Position(String file, int line, int column) {
        this(file, line, column, 0);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
