package dev.berth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.diag.Diagnostic;
import dev.berth.diag.Diagnostics;
import dev.berth.diag.Position;
import dev.berth.load.Document;
import dev.berth.load.JsonPointer;
import dev.berth.load.Source;
import dev.berth.load.SourceMap;
import dev.berth.load.YamlLoader;
import java.util.Optional;

/**
 * Butane's helper, for berth: every reported config path exists in the input (or is a missing key
 * whose mapping exists), and every reported line:col points at that node, at its key for codes that
 * point at keys and at its value otherwise. The node is found twice: through the loader's source map,
 * and by reading the source text at line:col, so a wrong mark in the map is caught too.
 */
public final class PositionCheck {
    private PositionCheck() {
    }

    public static void assertAll(Source source, Diagnostics diagnostics) {
        Optional<Document> document = new YamlLoader().load(source, new Diagnostics());
        for (Diagnostic d : diagnostics.all()) {
            check(source, document, d);
        }
    }

    private static void check(Source source, Optional<Document> document, Diagnostic d) {
        Optional<SourceMap> map = document.map(Document::sourceMap);
        String what = d.code() + " at '" + d.path() + "'";
        Position p = d.position().orElseThrow(() -> new AssertionError(what + " has no position"));
        assertEquals(source.name(), p.file(), what + ": file");
        String line = source.line(p.line());
        int lines = (int) source.text().lines().count();
        assertTrue(p.line() >= 1 && p.line() <= Math.max(1, lines + 1), what + ": line " + p.line() + " outside the file");
        assertTrue(p.column() >= 1 && p.column() <= line.codePointCount(0, line.length()) + 1,
                what + ": column " + p.column() + " outside line " + p.line() + ": " + line);
        if (map.isEmpty() || d.code().topic().equals("yaml")) {
            // the loader refused the file: the position is the parser's mark; check what can be read from the text
            if (d.code().pointsAtKey() && !d.path().isEmpty()) {
                assertKeyText(what, at(line, p.column()), lastSegment(d.path()));
            }
            return;
        }
        SourceMap m = map.get();
        String node = d.path();
        if (!m.contains(node)) {
            assertTrue(m.contains(JsonPointer.parent(node)), what + ": neither the path nor its parent exists in the input");
            node = JsonPointer.parent(node);
        }
        String text = at(line, p.column());
        if ((d.code().pointsAtKey() || m.isMapping(node)) && m.key(node).isPresent()) {
            assertSame(what, m.key(node).get(), p);
            assertKeyText(what, text, lastSegment(node));
        } else {
            assertSame(what, m.value(node).orElseThrow(), p);
            // an empty value (key: with nothing after it) has no text of its own: it is where the value would be
            boolean empty = valueAt(document.get().root(), node) == null;
            // the root starts at the document's first node, whatever that is
            boolean root = node.isEmpty();
            assertTrue(empty || root || !text.isEmpty() && !text.startsWith(" ") && !text.startsWith(": ") && !text.equals(":"),
                    what + ": " + p + " should point at a value, but the text there is '" + text + "'");
        }
    }

    private static void assertSame(String what, Position expected, Position actual) {
        assertEquals(expected.line() + ":" + expected.column(), actual.line() + ":" + actual.column(), what + ": line:col");
    }

    /** The key as written: itself, or quoted, or an explicit '?' key, or after a tag or anchor. */
    private static void assertKeyText(String what, String text, String key) {
        if (text.startsWith("\"") || text.startsWith("'") || text.startsWith("?") || text.startsWith("!") || text.startsWith("&")) {
            return;
        }
        // a plain key may be folded over lines: compare its first word
        String firstWord = key.split("[ \t]", 2)[0];
        if (!text.startsWith(firstWord)) {
            fail(what + ": should point at the key '" + key + "', but the text there is '" + text + "'");
        }
    }

    private static Object valueAt(Object root, String pointer) {
        Object node = root;
        if (pointer.isEmpty()) {
            return node;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (node instanceof java.util.Map<?, ?> map) {
                node = map.get(segment);
            } else if (node instanceof java.util.List<?> list) {
                node = list.get(Integer.parseInt(segment));
            } else {
                return null;
            }
        }
        return node;
    }

    private static String lastSegment(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    /** The line from a 1-based column counted in code points, as YAML counts them. */
    private static String at(String line, int column) {
        int cps = line.codePointCount(0, line.length());
        return column - 1 >= cps ? "" : line.substring(line.offsetByCodePoints(0, column - 1));
    }
}
