package dev.berth.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the YAML most configs are written in, without the YAML parser: block mappings and lists, one line each
 * entry, with values that are plain, quoted or bracketed on that line, and comments. The parser spends most of a
 * large config's load time in its general scanner; this reads the same seven megabytes several times faster.
 *
 * <p>It reads only what it is sure of and gives up on everything else (a control character, a tab, a line break
 * other than LF, a byte order mark, a value running over lines, block scalars, anchors, aliases, tags, directives,
 * document markers, keys that are not plain names, empty values, an escape other than the common ones, a name
 * twice, a limit reached); the caller then reads the text with the parser, which reads or reports it. What it
 * reads has the values and the node count the parser's events give, plain scalars being resolved by the same
 * function: {@code FastPathFuzzTest} compares it with the parser on any text, and tests on every case, on generated
 * configs and on thousands of mutated ones. This class reads the block structure, line by line;
 * {@link LineValueReader} the values on each line.
 */
final class BlockReader {
    /** A plain scalar's value, by the caller's resolution; {@link #UNREADABLE} when the caller cannot read it. */
    static final Object UNREADABLE = new Object();

    /** The values of a text and how many nodes (keys too) they have, as the parser's events count them. */
    record Values(Object root, long nodes) {
    }

    /** Thrown where the text holds anything this reader does not read; the parser then reads it. */
    static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final int length;
    private final LineValueReader values;

    /** Start of the current line, its indentation, and where its content starts; {@code line == length} at the end. */
    private int line;
    private int indent;
    private int content;

    private BlockReader(String text, LoaderLimits limits, Function<String, Object> plain) {
        this.text = text;
        this.length = text.length();
        this.values = new LineValueReader(text, limits, plain);
    }

    /**
     * The text's values, its root at {@code rootDepth}; empty when it holds anything this reader does not read.
     *
     * @param plain a plain scalar's value, as the parser's resolution gives it, or {@link #UNREADABLE}
     */
    static Optional<Values> read(String text, int rootDepth, LoaderLimits limits, Function<String, Object> plain) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < ' ' || c > '~') && c != '\n' && !(c >= 0xA0 && printable(text, i))) {
                return Optional.empty();
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        BlockReader reader = new BlockReader(text, limits, plain);
        try {
            reader.line = 0;
            reader.nextContentLine();
            if (reader.line == reader.length || reader.text.startsWith("---", reader.content)
                    || reader.text.startsWith("...", reader.content) || reader.text.charAt(reader.content) == '%') {
                return Optional.empty();
            }
            Object root = reader.block(reader.indent, rootDepth);
            if (reader.line != reader.length) {
                return Optional.empty(); // a line less indented than the root's
            }
            return Optional.of(new Values(root, reader.values.nodes()));
        } catch (GiveUp | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the character at {@code i} (from U+00A0 on) is one YAML prints and means nothing by: not a line or
     * paragraph separator, not the byte order mark, not U+FFFE or U+FFFF, and no surrogate out of its pair.
     */
    private static boolean printable(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return !Character.isLowSurrogate(c) && c != '\u2028' && c != '\u2029' && c != '\uFEFF' && c < '\uFFFE';
    }

    /** Moves {@link #line} to the next line that is neither blank nor only a comment, from {@link #line} on. */
    private void nextContentLine() {
        while (line < length) {
            int i = line;
            while (i < length && text.charAt(i) == ' ') {
                i++;
            }
            if (i < length && text.charAt(i) != '\n' && text.charAt(i) != '#') {
                indent = i - line;
                content = i;
                return;
            }
            int next = text.indexOf('\n', i);
            line = next < 0 ? length : next + 1;
        }
    }

    /** Moves past the current line: what it held has been read up to {@code at}, and only spaces or a comment follow. */
    private void finishLine(int at) {
        int i = at;
        while (i < length && text.charAt(i) == ' ') {
            i++;
        }
        if (i < length && text.charAt(i) != '\n') {
            if (text.charAt(i) != '#' || i == at) {
                throw GiveUp.INSTANCE; // more on the line, or a '#' that does not start a comment
            }
            i = text.indexOf('\n', i);
            i = i < 0 ? length : i;
        }
        line = i < length ? i + 1 : length;
        nextContentLine();
    }

    private boolean atEnd() {
        return line == length;
    }

    private boolean lineEnd(int i) {
        return i >= length || text.charAt(i) == '\n';
    }

    private boolean listItem(int at) {
        return text.charAt(at) == '-' && (lineEnd(at + 1) || text.charAt(at + 1) == ' ');
    }

    /** The block collection whose first entry is on the current line, at this indentation. */
    private Object block(int at, int depth) {
        return listItem(content) ? list(at, depth) : mapping(at, depth);
    }

    private Map<String, Object> mapping(int at, int depth) {
        values.node(depth);
        Map<String, Object> map = new LinkedHashMap<>();
        while (!atEnd() && indent == at) {
            if (listItem(content)) {
                throw GiveUp.INSTANCE;
            }
            entry(map, at, depth);
        }
        if (!atEnd() && indent > at) {
            throw GiveUp.INSTANCE; // a line running on, or indented oddly
        }
        return map;
    }

    /** One {@code key: value} of a block mapping, starting at {@link #content}; moves past its lines. */
    private void entry(Map<String, Object> map, int at, int depth) {
        int colon = values.keyEnd(content);
        if (colon < 0) {
            throw GiveUp.INSTANCE;
        }
        String key = values.name(text.substring(content, colon));
        values.key(map, key);
        int i = colon + 1;
        while (i < length && text.charAt(i) == ' ') {
            i++;
        }
        Object value;
        if (lineEnd(i) || text.charAt(i) == '#') {
            finishLine(i == colon + 1 ? i : i - 1);
            if (!atEnd() && indent > at) {
                value = block(indent, depth + 1);
            } else if (!atEnd() && indent == at && listItem(content)) {
                value = list(at, depth + 1); // a list may stand at its key's indentation
            } else {
                throw GiveUp.INSTANCE; // an empty value
            }
        } else {
            value = values.value(i, depth + 1, false);
            finishLine(values.end());
        }
        map.put(key, value);
    }

    private List<Object> list(int at, int depth) {
        values.node(depth);
        List<Object> list = new ArrayList<>();
        while (!atEnd() && indent == at && listItem(content)) {
            int i = content + 1;
            while (i < length && text.charAt(i) == ' ') {
                i++;
            }
            if (lineEnd(i) || text.charAt(i) == '#' || listItem(i)) {
                throw GiveUp.INSTANCE; // an item on the lines below, or a list in a list on one line
            }
            if (values.keyEnd(i) >= 0) {
                // "- key: value": a mapping whose entries stand at the key's column
                indent = i - line;
                content = i;
                list.add(mapping(indent, depth + 1));
            } else {
                list.add(values.value(i, depth + 1, false));
                finishLine(values.end());
            }
        }
        if (!atEnd() && indent > at) {
            throw GiveUp.INSTANCE;
        }
        return list;
    }
}
