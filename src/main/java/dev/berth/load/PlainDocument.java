package dev.berth.load;

import dev.berth.diag.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.events.StreamStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * The fast way, for the documents people write: one document of mappings, lists and scalars with no anchor,
 * alias, unknown tag, odd key, duplicate key or limit reached. It builds the values and the source map
 * straight from the parser's events, without the node graph, in one pass. At the first sign of anything
 * else it gives up, and the document is loaded the general way ({@link ComposedDocument}), which reports whatever
 * it is; for a plain document both ways give the same values and positions. Without positions it tries the
 * {@link BlockReader} first, and the source map is made from the events when first asked for.
 */
final class PlainDocument {
    private final Source source;
    private final LoaderLimits limits;
    private final LoadSettings settings;
    private final ScalarResolver resolver;
    /**
     * Each plain text read so far, once, with the tag the resolver gave it. A config repeats most of its texts
     * (every key, most values): they are then one string each in the document, not one per occurrence, and
     * resolved once (the resolver matches regular expressions, a few allocations each time).
     */
    private final Map<String, Scalar> plain = new HashMap<>();
    /** Null when positions are left for later: no pointer is made, and the map reads the file again if asked. */
    private final SourceMap map;
    private Iterator<Event> events;
    /** Every node read (keys too), as the general way's size check counts them. */
    private long nodes;
    /** The end of the node {@link #value} last read. */
    private Optional<Mark> end;

    /** The depth of the document's root: a part of a larger document is read deeper. */
    private final int rootDepth;
    private final boolean quick;

    /**
     * @param positions whether to make the source map now (with marks) or leave it for later (without)
     * @param rootDepth the depth its root counts as against the depth limit (0 for a whole document)
     */
    PlainDocument(Source source, LoaderLimits limits, boolean positions, int rootDepth) {
        this(source, limits, positions, rootDepth, true);
    }

    /** @param quick whether to try the {@link BlockReader} first (without positions only) */
    PlainDocument(Source source, LoaderLimits limits, boolean positions, int rootDepth, boolean quick) {
        this.limits = limits;
        this.quick = quick;
        this.rootDepth = rootDepth;
        this.source = source;
        this.settings = ParserSettings.of(source, limits, positions);
        this.resolver = settings.getSchema().getScalarResolver();
        this.map = positions ? new SourceMap(source.name()) : null;
    }

    /** Every node read (keys too), once {@link #values} has read them. */
    long nodes() {
        return nodes;
    }

    Optional<Document> load() {
        return values().map(this::document);
    }

    /** The document of these values: this one's source map, or one made when first asked for. */
    Document document(Object root) {
        return new Document(source, root, map != null ? map : SourceMap.later(source.name(),
                () -> new PlainDocument(source, limits, true, 0).load()
                        .or(() -> ComposedDocument.load(source, limits, new Diagnostics()))
                        .orElseThrow(() -> new IllegalStateException(source.name() + " cannot be read again"))
                        .sourceMap()));
    }

    /** The document's values, or empty where the fast way gives up. */
    Optional<Object> values() {
        if (quick && map == null) {
            Optional<BlockReader.Values> read = blockValues();
            if (read.isPresent()) {
                nodes = read.get().nodes();
                return Optional.of(read.get().root());
            }
        }
        try {
            events = new Parse(settings).parseString(source.text()).iterator();
            if (!(events.next() instanceof StreamStartEvent) || !(events.next() instanceof DocumentStartEvent)) {
                return Optional.empty();
            }
            Event first = events.next();
            Object root = value(first, "", rootDepth);
            if (map != null) {
                int line = ParserMarks.line(first.getStartMark());
                int column = ParserMarks.column(first.getStartMark());
                map.put("", line, column, ParserMarks.width(line, column, end), first instanceof MappingStartEvent);
            }
            if (!(events.next() instanceof DocumentEndEvent) || !(events.next() instanceof StreamEndEvent)) {
                return Optional.empty();
            }
            // a document that is only a null has no value to hold: the general way reads it (and the schema reports it)
            return Optional.ofNullable(root);
        } catch (NotPlain | YamlEngineException | IllegalArgumentException | NoSuchElementException
                | StackOverflowError e) {
            // anything unusual (including tags snakeyaml-engine refuses with a plain exception) takes the general
            // way, which reports it
            return Optional.empty();
        }
    }

    /** The value that starts with this event; its end is left in {@link #end}. */
    private Object value(Event event, String pointer, int depth) {
        if (depth > limits.maxDepth() || ++nodes > limits.maxNodes()
                || !(event instanceof NodeEvent node) || node.getAnchor().isPresent()) {
            throw NotPlain.INSTANCE;
        }
        if (event instanceof ScalarEvent scalar) {
            end = scalar.getEndMark();
            return scalar(scalar);
        }
        if (event instanceof SequenceStartEvent sequence) {
            tag(sequence.getTag(), Tag.SEQ);
            List<Object> list = new ArrayList<>();
            Event item = events.next();
            while (!(item instanceof SequenceEndEvent)) {
                String p = map == null ? null : JsonPointer.child(pointer, list.size());
                Object value = value(item, p, depth + 1);
                if (map != null) {
                    int line = ParserMarks.line(item.getStartMark());
                    int column = ParserMarks.column(item.getStartMark());
                    map.put(p, line, column, ParserMarks.width(line, column, end), item instanceof MappingStartEvent);
                }
                list.add(value);
                item = events.next();
            }
            end = item.getEndMark();
            return list;
        }
        if (event instanceof MappingStartEvent mapping) {
            tag(mapping.getTag(), Tag.MAP);
            Map<String, Object> result = new LinkedHashMap<>();
            Event key = events.next();
            while (!(key instanceof MappingEndEvent)) {
                if (!(key instanceof ScalarEvent keyScalar) || keyScalar.getAnchor().isPresent() || ++nodes > limits.maxNodes()) {
                    throw NotPlain.INSTANCE;
                }
                Scalar keyText = read(keyScalar);
                if (Tag.MERGE.equals(keyText.tag())) {
                    throw NotPlain.INSTANCE;
                }
                String name = keyText.text();
                String p = map == null ? null : JsonPointer.child(pointer, name);
                if (result.containsKey(name)) {
                    throw NotPlain.INSTANCE; // the general walker reports the duplicate with both lines
                }
                Event valueEvent = events.next();
                Object value = value(valueEvent, p, depth + 1);
                if (map != null) {
                    int keyLine = ParserMarks.line(key.getStartMark());
                    int keyColumn = ParserMarks.column(key.getStartMark());
                    int valueLine = ParserMarks.line(valueEvent.getStartMark());
                    int valueColumn = ParserMarks.column(valueEvent.getStartMark());
                    map.put(p, keyLine, keyColumn, ParserMarks.width(keyLine, keyColumn, keyScalar.getEndMark()), valueLine,
                            valueColumn, ParserMarks.width(valueLine, valueColumn, end), valueEvent instanceof MappingStartEvent);
                }
                result.put(name, value);
                key = events.next();
            }
            end = key.getEndMark();
            return result;
        }
        throw NotPlain.INSTANCE;
    }

    Optional<BlockReader.Values> blockValues() {
        return BlockReader.read(source.text(), rootDepth, limits, this::plainValue);
    }

    /** A plain scalar's value, as {@link #scalar} reads it; for the block reader, which finds the plain texts. */
    private Object plainValue(String text) {
        Object value = Scalars.value(resolver.resolve(text, true), text);
        return value == Scalars.UNSUPPORTED ? BlockReader.UNREADABLE : value;
    }

    private void tag(Optional<String> tag, Tag expected) {
        if (tag.isPresent() && !tag.get().equals("!") && !expected.equals(new Tag(tag.get()))) {
            throw NotPlain.INSTANCE;
        }
    }

    /**
     * The scalar's text and the tag the composer gives it: its own, or the one the schema resolves its text to.
     */
    private Scalar read(ScalarEvent scalar) {
        Optional<String> tag = scalar.getTag();
        if (tag.isPresent() && !tag.get().equals("!")) {
            return new Scalar(scalar.getValue(), new Tag(tag.get()));
        }
        return scalar.getImplicit().canOmitTagInPlainScalar()
                ? plain.computeIfAbsent(scalar.getValue(), text -> new Scalar(text, resolver.resolve(text, true)))
                : new Scalar(scalar.getValue(), resolver.resolve(scalar.getValue(), false));
    }

    private Object scalar(ScalarEvent scalar) {
        Scalar read = read(scalar);
        Object value = Scalars.value(read.tag(), read.text());
        if (value == Scalars.UNSUPPORTED) {
            throw NotPlain.INSTANCE; // the general walker reports it
        }
        return value;
    }

    private record Scalar(String text, Tag tag) {
    }

    /** The document is not plain: load it the general way. Thrown often enough on odd input to skip the stack. */
    private static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super("not a plain document", null, false, false);
        }
    }
}
