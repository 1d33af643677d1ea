package dev.berth.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The values the {@link BlockReader} finds on one line: plain and quoted scalars, bracketed lists and mappings, and
 * the keys of entries. Gives up (with {@link BlockReader.GiveUp}) on any form it is not sure of: a value running over
 * lines, an escape other than the common ones, a character that would change what the parser reads.
 */
final class LineValueReader {
    private static final Object ABSENT = new Object();

    private final String text;
    private final int length;
    private final LoaderLimits limits;
    private final Function<String, Object> plain;
    /** Each plain text read so far with its value: repeated texts (keys, most values) are one string each. */
    private final Map<String, Object> seen = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    /** Every node read (keys too), as the parser's events count them. */
    private long nodes;
    /** Where the value {@link #value} last read ends. */
    private int end;

    LineValueReader(String text, LoaderLimits limits, Function<String, Object> plain) {
        this.text = text;
        this.length = text.length();
        this.limits = limits;
        this.plain = plain;
    }

    long nodes() {
        return nodes;
    }

    /** Where the value {@link #value} last read ends. */
    int end() {
        return end;
    }

    /** Counts a collection or scalar at this depth; gives up past a limit. */
    void node(int depth) {
        if (depth > limits.maxDepth() || ++nodes > limits.maxNodes()) {
            throw BlockReader.GiveUp.INSTANCE;
        }
    }

    /** Counts the key of a mapping entry; gives up past the limit or on a name the mapping already holds. */
    void key(Map<String, Object> map, String key) {
        if (++nodes > limits.maxNodes() || map.containsKey(key)) {
            throw BlockReader.GiveUp.INSTANCE; // the parser reports a duplicate with both lines
        }
    }

    private boolean lineEnd(int i) {
        return i >= length || text.charAt(i) == '\n';
    }

    /** Where the plain name starting at {@code at} ends in ':' followed by a space or the line's end; else -1. */
    int keyEnd(int at) {
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

    /** A key's text, one string for each text. */
    String name(String key) {
        String known = names.putIfAbsent(key, key);
        return known != null ? known : key;
    }

    /**
     * The value that starts at {@code at} and ends on this line, in a block or in brackets; its end is left in
     * {@link #end}.
     *
     * @param flow whether it stands in brackets
     */
    Object value(int at, int depth, boolean flow) {
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
            throw BlockReader.GiveUp.INSTANCE;
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
                throw BlockReader.GiveUp.INSTANCE;
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
            if (value == BlockReader.UNREADABLE) {
                throw BlockReader.GiveUp.INSTANCE;
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
                throw BlockReader.GiveUp.INSTANCE;
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
            default -> throw BlockReader.GiveUp.INSTANCE;
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
                throw BlockReader.GiveUp.INSTANCE;
            }
            String key = name(text.substring(i, colon));
            key(map, key);
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
            throw BlockReader.GiveUp.INSTANCE;
        }
        int i = spaces(at + 1);
        if (text.charAt(i) == close || text.charAt(i) == ',') {
            throw BlockReader.GiveUp.INSTANCE; // a trailing or doubled comma
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
            throw BlockReader.GiveUp.INSTANCE; // a bracketed collection running over lines
        }
        return i;
    }
}
