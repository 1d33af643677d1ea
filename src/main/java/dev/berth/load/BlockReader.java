package dev.berth.load;

import java.util.ArrayList;
import java.util.HashMap;
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
 * reads has the values and the node count the parser's events give (tests compare the two on every case, on
 * generated configs and on thousands of mutated ones): plain scalars are resolved by the same function.
 */
final class BlockReader {
    /** A plain scalar's value, by the caller's resolution; {@link #UNREADABLE} when the caller cannot read it. */
    static final Object UNREADABLE = new Object();

    /** The values of a text and how many nodes (keys too) they have, as the parser's events count them. */
    record Values(Object root, long nodes) {
    }

    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final Object ABSENT = new Object();

    private final String text;
    private final int length;
    private final LoaderLimits limits;
    private final Function<String, Object> plain;
    /** Each plain text read so far with its value: repeated texts (keys, most values) are one string each. */
    private final Map<String, Object> seen = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private long nodes;

    /** Start of the current line, its indentation, and where its content starts; {@code line == length} at the end. */
    private int line;
    private int indent;
    private int content;
    /** Where the value {@link #value} last read ends. */
    private int end;

    private BlockReader(String text, LoaderLimits limits, Function<String, Object> plain) {
        this.text = text;
        this.length = text.length();
        this.limits = limits;
        this.plain = plain;
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
            return Optional.of(new Values(root, reader.nodes));
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

    private void node(int depth) {
        if (depth > limits.maxDepth() || ++nodes > limits.maxNodes()) {
            throw GiveUp.INSTANCE;
        }
    }

    /** The block collection whose first entry is on the current line, at this indentation. */
    private Object block(int at, int depth) {
        return listItem(content) ? list(at, depth) : mapping(at, depth);
    }

    private Map<String, Object> mapping(int at, int depth) {
        node(depth);
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
        int colon = keyEnd(content);
        if (colon < 0) {
            throw GiveUp.INSTANCE;
        }
        String key = name(text.substring(content, colon));
        if (++nodes > limits.maxNodes() || map.containsKey(key)) {
            throw GiveUp.INSTANCE; // the parser reports a duplicate with both lines
        }
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
            value = value(i, depth + 1, false);
            finishLine(end);
        }
        map.put(key, value);
    }

    private List<Object> list(int at, int depth) {
        node(depth);
        List<Object> list = new ArrayList<>();
        while (!atEnd() && indent == at && listItem(content)) {
            int i = content + 1;
            while (i < length && text.charAt(i) == ' ') {
                i++;
            }
            if (lineEnd(i) || text.charAt(i) == '#' || listItem(i)) {
                throw GiveUp.INSTANCE; // an item on the lines below, or a list in a list on one line
            }
            if (keyEnd(i) >= 0) {
                // "- key: value": a mapping whose entries stand at the key's column
                indent = i - line;
                content = i;
                list.add(mapping(indent, depth + 1));
            } else {
                list.add(value(i, depth + 1, false));
                finishLine(end);
            }
        }
        if (!atEnd() && indent > at) {
            throw GiveUp.INSTANCE;
        }
        return list;
    }

    /** Where the plain name starting at {@code at} ends in ':' followed by a space or the line's end; else -1. */
    private int keyEnd(int at) {
        int i = at;
        while (i < length && nameChar(text.charAt(i))) {
            i++;
        }
        if (i == at || text.charAt(at) == '-' || text.charAt(at) == '@' || i >= length || text.charAt(i) != ':' || !(lineEnd(i + 1) || text.charAt(i + 1) == ' ')) {
            return -1;
        }
        return i;
    }

    private static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
                || c == '@' || c == '/' || c == '+';
    }

    /** A key: its text, one string for each text. */
    private String name(String key) {
        String known = names.putIfAbsent(key, key);
        return known != null ? known : key;
    }

    /**
     * The value that starts at {@code at} and ends on this line, in a block or in brackets; its end is left in
     * {@link #end}.
     */
    private Object value(int at, int depth, boolean flow) {
        return switch (text.charAt(at)) {
            case '"', '\'' -> quoted(at, depth);
            case '[' -> flowList(at, depth);
            case '{' -> flowMapping(at, depth);
            default -> plain(at, depth, flow);
        };
    }

    /** A plain scalar; in brackets it ends at ',', ']' or '}' and takes fewer characters. */
    private Object plain(int at, int depth, boolean flow) {
        char first = text.charAt(at);
        // '-', '?' and ':' start a plain scalar only before a character that could continue it
        if ("|>&*!%@`#,[]{}\"'".indexOf(first) >= 0 || (first == '-' || first == '?' || first == ':')
                && (lineEnd(at + 1) || text.charAt(at + 1) == ' ' || flow && ",[]{}".indexOf(text.charAt(at + 1)) >= 0)) {
            throw GiveUp.INSTANCE;
        }
        int i = at;
        int last = at; // after the last character that is not a space
        while (!lineEnd(i)) {
            char c = text.charAt(i);
            if (flow && (c == ',' || c == ']' || c == '}')) {
                break;
            }
            if (c == '#' && text.charAt(i - 1) == ' ') {
                break; // a comment
            }
            if (c == ':' && (flow || lineEnd(i + 1) || text.charAt(i + 1) == ' ') || c == '#'
                    || "[]{}".indexOf(c) >= 0 || flow && (c == '"' || c == '\'')) {
                throw GiveUp.INSTANCE;
            }
            i++;
            if (c != ' ') {
                last = i;
            }
        }
        node(depth);
        end = last;
        String scalar = text.substring(at, last);
        Object value = seen.getOrDefault(scalar, ABSENT);
        if (value == ABSENT) {
            value = plain.apply(scalar);
            if (value == UNREADABLE) {
                throw GiveUp.INSTANCE;
            }
            seen.put(scalar, value);
        }
        return value;
    }

    /** A quoted scalar on one line: in double quotes with the common escapes, in single quotes with '' for '. */
    private String quoted(int at, int depth) {
        node(depth);
        char quote = text.charAt(at);
        StringBuilder value = null;
        int from = at + 1;
        for (int i = at + 1; ; i++) {
            if (lineEnd(i)) {
                throw GiveUp.INSTANCE;
            }
            char c = text.charAt(i);
            boolean doubled = quote == '\'' && c == '\'' && i + 1 < length && text.charAt(i + 1) == '\'';
            if (c == quote && !doubled) {
                end = i + 1;
                return value == null ? text.substring(from, i) : value.append(text, from, i).toString();
            }
            if (doubled || quote == '"' && c == '\\') {
                char meant = doubled ? '\'' : escaped(i + 1);
                value = (value == null ? new StringBuilder() : value).append(text, from, i).append(meant);
                i++;
                from = i + 1;
            }
        }
    }

    /** What the escape whose letter is at {@code at} stands for, of the common ones. */
    private char escaped(int at) {
        char letter = lineEnd(at) ? '\n' : text.charAt(at);
        return switch (letter) {
            case '"', '\\', '/' -> letter;
            case 'n' -> '\n';
            case 't' -> '\t';
            default -> throw GiveUp.INSTANCE;
        };
    }

    private List<Object> flowList(int at, int depth) {
        node(depth);
        List<Object> list = new ArrayList<>();
        int i = spaces(at + 1);
        if (text.charAt(i) == ']') {
            end = i + 1;
            return list;
        }
        while (true) {
            list.add(value(i, depth + 1, true));
            i = spaces(end);
            if (text.charAt(i) == ']') {
                end = i + 1;
                return list;
            }
            i = next(i, ']');
        }
    }

    private Map<String, Object> flowMapping(int at, int depth) {
        node(depth);
        Map<String, Object> map = new LinkedHashMap<>();
        int i = spaces(at + 1);
        if (text.charAt(i) == '}') {
            end = i + 1;
            return map;
        }
        while (true) {
            int colon = keyEnd(i);
            if (colon < 0 || lineEnd(colon + 1)) {
                throw GiveUp.INSTANCE;
            }
            String key = name(text.substring(i, colon));
            if (++nodes > limits.maxNodes() || map.containsKey(key)) {
                throw GiveUp.INSTANCE;
            }
            map.put(key, value(spaces(colon + 1), depth + 1, true));
            i = spaces(end);
            if (text.charAt(i) == '}') {
                end = i + 1;
                return map;
            }
            i = next(i, '}');
        }
    }

    /** After an entry of a bracketed collection: a ',' and the next entry, which must be there. */
    private int next(int at, char close) {
        if (text.charAt(at) != ',') {
            throw GiveUp.INSTANCE;
        }
        int i = spaces(at + 1);
        if (text.charAt(i) == close || text.charAt(i) == ',') {
            throw GiveUp.INSTANCE; // a trailing or doubled comma
        }
        return i;
    }

    /** The first character from {@code at} that is not a space, which must be on this line. */
    private int spaces(int at) {
        int i = at;
        while (i < length && text.charAt(i) == ' ') {
            i++;
        }
        if (lineEnd(i)) {
            throw GiveUp.INSTANCE; // a bracketed collection running over lines
        }
        return i;
    }
}
