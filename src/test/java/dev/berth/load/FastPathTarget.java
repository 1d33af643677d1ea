package dev.berth.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.diag.Diagnostic;
import dev.berth.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the loader's fast paths must give for any text: wherever one of them reads the text, exactly what the parser's
 * composed nodes give (the general way, which every other path stands in for). Same values of the same types in the
 * same order, the same position for every key and value, and no diagnostic where the general way has none. Checked
 * with the default limits and with small ones, so that a limit is reached by both paths or by neither.
 */
final class FastPathTarget {
    /** Small enough that fuzzed texts reach them: a depth of 6 and 120 values. */
    static final LoaderLimits SMALL = new LoaderLimits(1 << 20, 10, 6, 120);

    private FastPathTarget() {
    }

    static void check(String text) {
        check(text, LoaderLimits.DEFAULT);
        check(text, SMALL);
    }

    static void check(String text, LoaderLimits limits) {
        Source source = new Source("berth.yaml", text);
        YamlLoader loader = new YamlLoader(limits);
        Diagnostics generalDiagnostics = new Diagnostics();
        Optional<Document> general = loader.loadComposed(source, generalDiagnostics);

        Diagnostics loadDiagnostics = new Diagnostics();
        Optional<Document> loaded = loader.load(source, loadDiagnostics);
        assertEquals(describe(generalDiagnostics), describe(loadDiagnostics), () -> "diagnostics of\n" + text);
        loaded.ifPresent(document -> assertSame("the loader", text, general, generalDiagnostics, document));

        loader.loadFromEvents(source).ifPresent(document -> assertSame("the events", text, general, generalDiagnostics,
                document));

        Optional<BlockReader.Values> block = loader.blockValues(source, 0);
        if (block.isPresent()) {
            assertTrue(general.isPresent() && generalDiagnostics.isEmpty(), () -> "the block reader read a text the parser "
                    + "reports: " + describe(generalDiagnostics) + "\n" + text);
            assertEquals(describe(general.get().root()), describe(block.get().root()), () -> "the block reader's values of\n"
                    + text);
            long events = loader.eventValues(source, 0).orElseThrow(() -> new AssertionError("the events gave up on\n"
                    + text)).nodes();
            assertEquals(events, block.get().nodes(), () -> "the block reader's node count of\n" + text);
        }

        ContainerSplit.load(loader, source, limits, 0).ifPresent(document -> assertSame("the split", text, general,
                generalDiagnostics, document));
    }

    private static void assertSame(String path, String text, Optional<Document> general, Diagnostics generalDiagnostics,
                                   Document fast) {
        assertTrue(general.isPresent() && generalDiagnostics.isEmpty(), () -> path + " read a text the parser reports: "
                + describe(generalDiagnostics) + "\n" + text);
        assertEquals(describe(general.get().root()), describe(fast.root()), () -> path + "'s values of\n" + text);
        assertEquals(positions(general.get().sourceMap()), positions(fast.sourceMap()), () -> path + "'s positions in\n"
                + text);
    }

    /** The value with the type of every scalar, maps in their order: equal texts mean equal values in equal order. */
    static String describe(Object value) {
        StringBuilder out = new StringBuilder();
        describe(value, out);
        return out.toString();
    }

    private static void describe(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            map.forEach((key, item) -> {
                out.append(quoted(String.valueOf(key))).append(": ");
                describe(item, out);
                out.append(", ");
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(item -> {
                describe(item, out);
                out.append(", ");
            });
            out.append(']');
        } else if (value == null) {
            out.append("null");
        } else {
            out.append(value.getClass().getSimpleName()).append(' ').append(value instanceof String s ? quoted(s) : value);
        }
    }

    private static String quoted(String s) {
        StringBuilder q = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7f && c < 0xa0) {
                q.append(String.format("\\u%04x", c));
            } else {
                q.appendCodePoint(c);
            }
        });
        return q.append('"').toString();
    }

    private static List<String> describe(Diagnostics diagnostics) {
        return diagnostics.all().stream().map(Diagnostic::toString).toList();
    }

    /** Every pointer of the map, sorted, with where its key and value stand and how long they are. */
    static List<String> positions(SourceMap map) {
        List<String> lines = new ArrayList<>();
        for (String pointer : new TreeSet<>(map.pointers())) {
            lines.add(pointer + " key=" + map.key(pointer).map(p -> p + "+" + p.length()).orElse("-") + " value="
                    + map.value(pointer).map(p -> p + "+" + p.length()).orElse("-") + " mapping=" + map.isMapping(pointer));
        }
        return lines;
    }
}
