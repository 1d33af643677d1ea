package dev.berth.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a large plain document's {@code containers} on several threads: the YAML parser reads one text on one
 * thread, and ten thousand containers are seven megabytes of it.
 *
 * <p>The text is cut, without parsing it, at the lines where a container starts: the block below a top-level
 * {@code containers:} line is split before lines indented exactly as its first entry and starting with a name. The
 * rest of the document (the "skeleton", with a marker as the value of {@code containers}) and each part are read the
 * fast way on their own, and the parts' entries become the value of {@code containers}. This gives the values the
 * whole document gives, because of how a YAML parser treats such a line: a line indented like the mapping's entries
 * ends every plain and block scalar above it (their lines must be indented further), so the parser starts it with
 * nothing open, unless a quoted scalar or a bracketed collection began above and is still open; then the part
 * before the cut ends inside it and cannot be read alone. The skeleton must hold the marker as the value of
 * {@code containers}, or the line taken for the key was not one. Whatever cannot be read this way (any part or the
 * skeleton not plain, a name twice, too many values) is read whole, as before.
 */
final class ContainerSplit {
    /** Documents from this size on are split. */
    static final int FROM_CHARS = 1 << 20;
    /** Parts to cut the containers into: a few per core, so that the threads finish together. */
    private static final int PARTS = 8;
    private static final String KEY = "containers:";
    private static final String MARKER = "berth-containers-read-apart";

    private ContainerSplit() {
    }

    /** The document, its containers read on several threads; empty when it is small or cannot be read this way. */
    static Optional<Document> load(YamlLoader loader, Source source, LoaderLimits limits, int fromChars) {
        String text = source.text();
        if (text.length() < fromChars || Runtime.getRuntime().availableProcessors() < 2) {
            return Optional.empty();
        }
        int key = keyLine(text);
        if (key < 0) {
            return Optional.empty();
        }
        int blockStart = nextLine(text, key);
        List<Integer> starts = new ArrayList<>();
        int blockEnd = entries(text, blockStart, starts);
        if (starts.size() < 2) {
            return Optional.empty();
        }
        List<Source> parts = new ArrayList<>();
        parts.add(new Source(source.name(), text.substring(0, key + KEY.length()) + " " + MARKER
                + text.substring(key + KEY.length(), blockStart) + text.substring(blockEnd)));
        int target = (blockEnd - starts.get(0)) / PARTS + 1;
        int from = starts.get(0);
        for (int i = 1; i <= starts.size(); i++) {
            int to = i == starts.size() ? blockEnd : starts.get(i);
            if (to == blockEnd || to - from >= target) {
                parts.add(new Source(source.name(), text.substring(from, to)));
                from = to;
            }
        }
        // the skeleton at depth 0; each part is the containers mapping, one level down
        List<Optional<YamlLoader.PlainValues>> read = java.util.stream.IntStream.range(0, parts.size()).parallel()
                .mapToObj(i -> loader.plainValues(parts.get(i), i == 0 ? 0 : 1)).toList();
        if (read.stream().anyMatch(Optional::isEmpty)
                || !(read.get(0).get().root() instanceof Map<?, ?> skeleton) || !MARKER.equals(skeleton.get("containers"))) {
            return Optional.empty();
        }
        Map<String, Object> containers = new LinkedHashMap<>();
        long nodes = read.get(0).get().nodes(); // its marker stands for the containers mapping
        for (Optional<YamlLoader.PlainValues> part : read.subList(1, read.size())) {
            if (!(part.get().root() instanceof Map<?, ?> entries)) {
                return Optional.empty();
            }
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                if (containers.containsKey((String) entry.getKey())) {
                    return Optional.empty(); // a name twice (the first maybe empty): the general way reports it, with both lines
                }
                containers.put((String) entry.getKey(), entry.getValue());
            }
            nodes += part.get().nodes() - 1; // its own root mapping is the one containers mapping
        }
        if (nodes > limits.maxNodes()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) skeleton;
        root.put("containers", containers);
        return Optional.of(loader.plainDocument(source, root));
    }

    /** Where the first line {@code containers:} (maybe with spaces and a comment after it) starts; -1 if none. */
    private static int keyLine(String text) {
        for (int at = 0; at < text.length(); at = nextLine(text, at)) {
            if (text.startsWith(KEY, at)) {
                int i = at + KEY.length();
                while (i < text.length() && text.charAt(i) == ' ') {
                    i++;
                }
                if (i == text.length() || text.charAt(i) == '#' || lineBreak(text.charAt(i))) {
                    return at;
                }
            }
        }
        return -1;
    }

    /**
     * Collects where each entry of the block from {@code start} begins: lines indented exactly as the block's first
     * entry and starting with a letter, digit or underscore (a name). Returns where the block ends: at the first line
     * that starts with something other than a space, a comment or a line break, or at the end.
     */
    private static int entries(String text, int start, List<Integer> starts) {
        int indent = -1;
        for (int at = start; at < text.length(); at = nextLine(text, at)) {
            char first = text.charAt(at);
            if (first != ' ' && first != '#' && !lineBreak(first)) {
                return at;
            }
            int i = at;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i == text.length() || text.charAt(i) == '#' || lineBreak(text.charAt(i))) {
                continue; // blank or a comment
            }
            if (indent < 0) {
                indent = i - at;
                if (!name(text.charAt(i))) {
                    return at; // not a mapping of names (a list, a quoted key): not split
                }
            }
            if (i - at == indent && name(text.charAt(i))) {
                starts.add(at);
            }
        }
        return text.length();
    }

    private static boolean name(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean lineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /** The start of the line after the one {@code at} is in (YAML's breaks: LF, CR LF, a lone CR). */
    private static int nextLine(String text, int at) {
        int i = at;
        while (i < text.length() && !lineBreak(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
        }
        return i + 1;
    }
}
