package dev.berth.load;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.Diagnostics;
import dev.berth.diag.Position;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
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
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Reads one YAML document into plain values and a {@link SourceMap}. Works on the parser's events and the
 * composed node tree rather than constructed objects, because only they carry marks (line and column) and only
 * there can duplicate keys be reported instead of silently resolved. A plain document (the usual case) is read
 * straight from the events in one pass; anything else (anchors, aliases, odd tags and keys, syntax errors,
 * limits) through the node graph, which reports it.
 */
public final class YamlLoader {
    private final LoaderLimits limits;

    public YamlLoader(LoaderLimits limits) {
        this.limits = limits;
    }

    public YamlLoader() {
        this(LoaderLimits.DEFAULT);
    }

    /** The document, or empty with errors in {@code diagnostics}. */
    public Optional<Document> load(Source source, Diagnostics diagnostics) {
        if (source.text().length() > limits.maxCodePoints()) {
            diagnostics.error(Code.Y003, "", "the file has " + source.text().length() + " characters, more than the limit of "
                    + limits.maxCodePoints(), "split the config or remove what is not needed");
            return Optional.empty();
        }
        Optional<Document> plain = ContainerSplit.load(this, source, limits, ContainerSplit.FROM_CHARS)
                .or(() -> new PlainDocument(source, false, 0).load());
        if (plain.isPresent()) {
            return plain;
        }
        return composed(source, settings(source), diagnostics);
    }

    /** A plain text's values (no positions), read from this depth on, and how many nodes they have. */
    record PlainValues(Object root, long nodes) {
    }

    /** The fast way's values of a text, its root at {@code depth}; empty where the fast way gives up. */
    Optional<PlainValues> plainValues(Source text, int depth) {
        PlainDocument document = new PlainDocument(text, false, depth);
        return document.values().map(root -> new PlainValues(root, document.nodes));
    }

    /** The document of values the fast way read, with positions made when first asked for. */
    Document plainDocument(Source source, Object root) {
        return new PlainDocument(source, false, 0).document(root);
    }

    /** The document loaded the general way only: what the fast way must match (tests compare the two). */
    Optional<Document> loadComposed(Source source, Diagnostics diagnostics) {
        return composed(source, settings(source), diagnostics);
    }

    /** A text's values as the parser's events give them, without the block reader: what that reader must match. */
    Optional<PlainValues> eventValues(Source text, int depth) {
        PlainDocument document = new PlainDocument(text, false, depth, false);
        return document.values().map(root -> new PlainValues(root, document.nodes));
    }

    /** A text's values as the block reader alone reads them, or empty where it gives up. */
    Optional<BlockReader.Values> blockValues(Source text, int depth) {
        return new PlainDocument(text, false, depth).blockValues();
    }

    /** The document loaded the fast way only, or empty where it gives up. */
    Optional<Document> loadPlain(Source source) {
        return new PlainDocument(source, false, 0).load();
    }

    private LoadSettings settings(Source source) {
        return settings(source, true);
    }

    /**
     * @param marks whether the parser records where each token and event stands: the fast way's first pass, which
     *              makes no positions, goes without (a large config has millions of them to allocate and collect)
     */
    private LoadSettings settings(Source source, boolean marks) {
        return LoadSettings.builder()
                .setLabel(source.name())
                .setAllowDuplicateKeys(true) // reported below, with both positions, instead of a parser exception
                .setAllowRecursiveKeys(false)
                // non-scalar keys reach the walker, which reports them (Y005) at their position instead of the
                // composer refusing the whole file without one; nothing is ever constructed from them
                .setAllowNonScalarKeys(true)
                .setMaxAliasesForCollections(limits.maxAliases())
                .setCodePointLimit(limits.maxCodePoints())
                .setUseMarks(marks)
                .build();
    }

    /** The general way: the composed node graph (anchors, aliases, merge keys), then a walk that reports problems. */
    private Optional<Document> composed(Source source, LoadSettings settings, Diagnostics diagnostics) {
        Node rootNode;
        try {
            Iterator<Node> documents = new Compose(settings).composeAllFromString(source.text()).iterator();
            if (!documents.hasNext()) {
                diagnostics.error(Code.S003, "", "the file is empty", "start with 'berth: 1' and a 'containers:' mapping");
                return Optional.empty();
            }
            rootNode = documents.next();
            if (documents.hasNext()) {
                Node second = documents.next();
                diagnostics.add(Diagnostic.error(Code.Y004, "", "the file holds more than one YAML document",
                        "keep one document per file; remove the '---' separator").at(position(source, second.getStartMark())));
                return Optional.empty();
            }
        } catch (MarkedYamlEngineException e) {
            diagnostics.add(syntaxError(source, e));
            return Optional.empty();
        } catch (YamlEngineException e) {
            // limits (aliases, code points) surface as plain engine exceptions
            diagnostics.error(Code.Y003, "", String.valueOf(e.getMessage()), "simplify the document; aliases and size are limited");
            return Optional.empty();
        } catch (StackOverflowError e) {
            diagnostics.error(Code.Y003, "", "the document is nested too deeply", "at most " + limits.maxDepth() + " levels are allowed");
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            // snakeyaml-engine rejects some malformed tags (e.g. "!u%c ") with a plain exception, not a marked one
            diagnostics.error(Code.Y001, "", "the YAML parser cannot read this file: " + e.getMessage(),
                    "check tags (!name) and escapes; berth uses no tags");
            return Optional.empty();
        }
        long expanded = expandedSize(rootNode, new java.util.IdentityHashMap<>(), 0);
        if (expanded > limits.maxNodes()) {
            // aliases repeat shared subtrees: refuse the "billion laughs" before expanding anything
            diagnostics.add(Diagnostic.error(Code.Y003, "", "the document expands to " + (expanded == Long.MAX_VALUE ? "too many"
                    : String.valueOf(expanded)) + " values through aliases, more than " + limits.maxNodes(),
                    "aliases, nesting and size are limited; simplify the document").at(position(source, rootNode.getStartMark())));
            return Optional.empty();
        }
        SourceMap map = new SourceMap(source.name());
        Walker walker = new Walker(source, map, diagnostics);
        map.put("", line(rootNode), column(rootNode), width(rootNode), rootNode instanceof MappingNode);
        Object root;
        try {
            root = walker.value(rootNode, "", 0);
        } catch (LimitExceeded e) {
            diagnostics.add(Diagnostic.error(Code.Y003, e.pointer, e.getMessage(),
                    "aliases, nesting and size are limited; simplify the document").at(e.where));
            return Optional.empty();
        }
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Document(source, root, map));
    }

    /**
     * The number of values the node stands for once aliases are expanded, computed on the shared
     * node graph (each node once), so it is cheap even when the expansion is astronomically large.
     */
    private long expandedSize(Node node, java.util.Map<Node, Long> memo, int depth) {
        // only an anchored node can be reached twice (through its aliases): only its size is worth remembering
        boolean shared = node.getAnchor().isPresent();
        Long known = shared ? memo.get(node) : null;
        if (known != null) {
            return known;
        }
        if (depth > limits.maxDepth()) {
            return 1; // too deep (or a recursive alias): the walker reports it at its path
        }
        long size = 1;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                size = saturatingAdd(size, saturatingAdd(expandedSize(t.getKeyNode(), memo, depth + 1),
                        expandedSize(t.getValueNode(), memo, depth + 1)));
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                size = saturatingAdd(size, expandedSize(item, memo, depth + 1));
            }
        }
        if (shared) {
            memo.put(node, size);
        }
        return size;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** Y001 at the parser's mark; the hint says what the parser was reading and where that began. */
    private static Diagnostic syntaxError(Source source, MarkedYamlEngineException e) {
        Optional<Mark> problemMark = e.getProblemMark();
        Optional<Mark> mark = problemMark.or(e::getContextMark);
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        StringBuilder hint = new StringBuilder("check the indentation and quoting at or just before this point");
        if (e.getContext() != null) {
            hint.append(" (").append(e.getContext());
            e.getContextMark().filter(c -> problemMark.isPresent() && c.getLine() != problemMark.get().getLine())
                    .ifPresent(c -> hint.append(" that starts at line ").append(c.getLine() + 1));
            hint.append(')');
        }
        Diagnostic d = Diagnostic.error(Code.Y001, "", problem, hint.toString());
        return mark.map(m -> d.at(onTheLine(source, position(source, Optional.of(m))))).orElse(d);
    }

    /** The parser's mark at the end of a text ending in a lone '\r' lies one past its line: the line's end is meant. */
    private static Position onTheLine(Source source, Position p) {
        String line = source.line(p.line());
        int end = line.codePointCount(0, line.length()) + 1;
        return p.column() <= end ? p : new Position(p.file(), p.line(), end);
    }

    /** Where a node starts, with its width when it ends on the same line. */
    static Position span(Source source, Node node) {
        Position start = position(source, node.getStartMark());
        return node.getEndMark()
                .filter(end -> end.getLine() + 1 == start.line() && end.getColumn() + 1 > start.column())
                .map(end -> new Position(start.file(), start.line(), start.column(), end.getColumn() + 1 - start.column()))
                .orElse(start);
    }

    static Position position(Source source, Optional<Mark> mark) {
        return mark.map(m -> new Position(source.name(), m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Position(source.name(), 1, 1));
    }

    /** The 1-based line where the node starts (1 without a mark), as {@link #span} gives it. */
    private static int line(Node node) {
        Optional<Mark> start = node.getStartMark();
        return start.isPresent() ? start.get().getLine() + 1 : 1;
    }

    /** The 1-based column where the node starts, as {@link #span} gives it. */
    private static int column(Node node) {
        Optional<Mark> start = node.getStartMark();
        return start.isPresent() ? start.get().getColumn() + 1 : 1;
    }

    /** The node's width when it ends on the line it starts on, else 0, as {@link #span} gives it. */
    private static int width(Node node) {
        Optional<Mark> end = node.getEndMark();
        if (end.isEmpty()) {
            return 0;
        }
        int line = line(node);
        int column = column(node);
        return end.get().getLine() + 1 == line && end.get().getColumn() + 1 > column ? end.get().getColumn() + 1 - column : 0;
    }

    /**
     * The fast way, for the documents people write: one document of mappings, lists and scalars with no anchor,
     * alias, unknown tag, odd key, duplicate key or limit reached. It builds the values and the source map
     * straight from the parser's events, without the node graph, in one pass. At the first sign of anything
     * else it gives up, and the document is loaded the general way, which reports whatever it is; for a plain
     * document both ways give the same values and positions.
     */
    private final class PlainDocument {
        private final Source source;
        private final LoadSettings settings;
        private final ScalarResolver resolver;
        /**
         * Each plain text read so far, once, with the tag the resolver gave it. A config repeats most of its texts
         * (every key, most values): they are then one string each in the document, not one per occurrence, and
         * resolved once (the resolver matches regular expressions, a few allocations each time).
         */
        private final Map<String, Scalar> plain = new java.util.HashMap<>();
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
        PlainDocument(Source source, boolean positions, int rootDepth) {
            this(source, positions, rootDepth, true);
        }

        /** @param quick whether to try the {@link BlockReader} first (without positions only) */
        PlainDocument(Source source, boolean positions, int rootDepth, boolean quick) {
            this.quick = quick;
            this.rootDepth = rootDepth;
            this.source = source;
            this.settings = settings(source, positions);
            this.resolver = settings.getSchema().getScalarResolver();
            this.map = positions ? new SourceMap(source.name()) : null;
        }

        Optional<Document> load() {
            return values().map(this::document);
        }

        /** The document of these values: this one's source map, or one made when first asked for. */
        Document document(Object root) {
            return new Document(source, root, map != null ? map : SourceMap.later(source.name(),
                    () -> new PlainDocument(source, true, 0).load()
                            .or(() -> composed(source, settings(source), new Diagnostics()))
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
                    int line = line(first);
                    int column = column(first);
                    map.put("", line, column, width(line, column, end), first instanceof MappingStartEvent);
                }
                if (!(events.next() instanceof DocumentEndEvent) || !(events.next() instanceof StreamEndEvent)) {
                    return Optional.empty();
                }
                return Optional.of(root);
            } catch (NotPlain | YamlEngineException | IllegalArgumentException | java.util.NoSuchElementException
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
                        int line = line(item);
                        int column = column(item);
                        map.put(p, line, column, width(line, column, end), item instanceof MappingStartEvent);
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
                        int keyLine = line(key);
                        int keyColumn = column(key);
                        int valueLine = line(valueEvent);
                        int valueColumn = column(valueEvent);
                        map.put(p, keyLine, keyColumn, width(keyLine, keyColumn, keyScalar.getEndMark()), valueLine,
                                valueColumn, width(valueLine, valueColumn, end), valueEvent instanceof MappingStartEvent);
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
            Object value = scalarValue(resolver.resolve(text, true), text);
            return value == UNSUPPORTED ? BlockReader.UNREADABLE : value;
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
            Object value = scalarValue(read.tag(), read.text());
            if (value == UNSUPPORTED) {
                throw NotPlain.INSTANCE; // the general walker reports it
            }
            return value;
        }

        private int line(Event event) {
            Optional<Mark> start = event.getStartMark();
            return start.isPresent() ? start.get().getLine() + 1 : 1;
        }

        private int column(Event event) {
            Optional<Mark> start = event.getStartMark();
            return start.isPresent() ? start.get().getColumn() + 1 : 1;
        }

        /** As {@link #span}: the width when the node ends on the line it starts on, else 0. */
        private int width(int line, int column, Optional<Mark> end) {
            return end.isPresent() && end.get().getLine() + 1 == line && end.get().getColumn() + 1 > column
                    ? end.get().getColumn() + 1 - column : 0;
        }
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

    private static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String pointer;
        final Position where;

        LimitExceeded(String pointer, Position where, String message) {
            super(message, null, false, false);
            this.pointer = pointer;
            this.where = where;
        }
    }

    private final class Walker {
        private final Source source;
        private final SourceMap map;
        private final Diagnostics diagnostics;
        private int nodes;

        Walker(Source source, SourceMap map, Diagnostics diagnostics) {
            this.source = source;
            this.map = map;
            this.diagnostics = diagnostics;
        }

        Object value(Node node, String pointer, int depth) {
            if (depth > limits.maxDepth()) {
                throw new LimitExceeded(pointer, position(source, node.getStartMark()),
                        "the document is nested more than " + limits.maxDepth() + " levels deep");
            }
            if (++nodes > limits.maxNodes()) {
                throw new LimitExceeded(pointer, position(source, node.getStartMark()),
                        "the document expands to more than " + limits.maxNodes() + " values");
            }
            if (node instanceof MappingNode mapping) {
                collectionTag(node, Tag.MAP, pointer);
                return mapping(mapping, pointer, depth);
            }
            if (node instanceof SequenceNode sequence) {
                collectionTag(node, Tag.SEQ, pointer);
                List<Object> list = new ArrayList<>(sequence.getValue().size());
                int i = 0;
                for (Node item : sequence.getValue()) {
                    String p = JsonPointer.child(pointer, i++);
                    map.put(p, line(item), column(item), width(item), item instanceof MappingNode);
                    list.add(value(item, p, depth + 1));
                }
                return list;
            }
            return scalar((ScalarNode) node, pointer);
        }

        /** An explicit tag such as {@code !!set} or {@code !custom} on a mapping or list. */
        private void collectionTag(Node node, Tag expected, String pointer) {
            if (!expected.equals(node.getTag())) {
                diagnostics.add(Diagnostic.error(Code.Y005, pointer, "unsupported tag " + node.getTag(),
                        "remove the tag; berth reads strings, numbers, booleans, lists and mappings")
                        .at(position(source, node.getStartMark())));
            }
        }

        private Map<String, Object> mapping(MappingNode mapping, String pointer, int depth) {
            Map<String, Object> result = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode keyScalar)) {
                    diagnostics.add(Diagnostic.error(Code.Y005, pointer, "a key must be a plain string",
                            "write the key as a string").at(span(source, keyNode)));
                    continue;
                }
                String key = keyScalar.getValue();
                String p = JsonPointer.child(pointer, key);
                if (result.containsKey(key)) {
                    diagnostics.add(Diagnostic.error(Code.Y002, p, "duplicate key '" + key + "'",
                            "the key first appears at line " + map.locate(p, true).line() + "; remove or rename one of them")
                            .at(span(source, keyNode)));
                    continue;
                }
                Node valueNode = tuple.getValueNode();
                map.put(p, line(keyNode), column(keyNode), width(keyNode), line(valueNode), column(valueNode), width(valueNode),
                        valueNode instanceof MappingNode);
                result.put(key, value(tuple.getValueNode(), p, depth + 1));
            }
            return result;
        }

        private Object scalar(ScalarNode node, String pointer) {
            Tag tag = node.getTag();
            String text = node.getValue();
            Object value = scalarValue(tag, text);
            if (value != UNSUPPORTED) {
                return value;
            }
            diagnostics.add(Diagnostic.error(Code.Y005, pointer, "unsupported tag " + tag,
                    "remove the tag; berth reads strings, numbers, booleans, lists and mappings")
                    .at(span(source, node)));
            return text;
        }
    }

    /** What {@link #scalarValue} returns for a tag berth does not read (or a number it cannot parse). */
    private static final Object UNSUPPORTED = new Object();

    /** A scalar as berth reads it: string, null, boolean, long (or BigInteger), double; both loaders share this. */
    private static Object scalarValue(Tag tag, String text) {
        try {
            if (Tag.STR.equals(tag)) {
                return text;
            }
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
            }
            if (Tag.INT.equals(tag)) {
                return integer(text);
            }
            if (Tag.FLOAT.equals(tag)) {
                return floating(text);
            }
        } catch (NumberFormatException e) {
            // reported by the caller as an unsupported value
        }
        return UNSUPPORTED;
    }

    private static Object integer(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("+") || negative) {
            t = t.substring(1);
        }
        BigInteger value;
        if (t.startsWith("0x")) {
            value = new BigInteger(t.substring(2), 16);
        } else if (t.startsWith("0o")) {
            value = new BigInteger(t.substring(2), 8);
        } else {
            value = new BigInteger(t);
        }
        if (negative) {
            value = value.negate();
        }
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static double floating(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> Double.parseDouble(t);
        };
    }
}
