package dev.berth.load;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.Diagnostics;
import dev.berth.diag.Position;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The general way of loading, for any document: the parser's composed node graph (anchors, aliases, merge keys), then
 * a walk over it that makes the values and the source map and reports every problem with its position: syntax errors,
 * more than one document, limits, duplicate and non-scalar keys, tags berth does not read.
 */
final class ComposedDocument {
    private final LoaderLimits limits;

    private ComposedDocument(LoaderLimits limits) {
        this.limits = limits;
    }

    /** The general way: the composed node graph (anchors, aliases, merge keys), then a walk that reports problems. */
    static Optional<Document> load(Source source, LoaderLimits limits, Diagnostics diagnostics) {
        return new ComposedDocument(limits).read(source, diagnostics);
    }

    private Optional<Document> read(Source source, Diagnostics diagnostics) {
        Node rootNode;
        try {
            Iterator<Node> documents = new Compose(ParserSettings.of(source, limits, true)).composeAllFromString(source.text())
                    .iterator();
            if (!documents.hasNext()) {
                diagnostics.error(Code.S003, "", "the file is empty", "start with 'berth: 1' and a 'containers:' mapping");
                return Optional.empty();
            }
            rootNode = documents.next();
            if (documents.hasNext()) {
                Node second = documents.next();
                diagnostics.add(Diagnostic.error(Code.Y004, "", "the file holds more than one YAML document",
                        "keep one document per file; remove the '---' separator")
                        .at(ParserMarks.position(source, second.getStartMark())));
                return Optional.empty();
            }
        } catch (MarkedYamlEngineException e) {
            diagnostics.add(SyntaxError.of(source, e));
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
        long expanded = expandedSize(rootNode, new IdentityHashMap<>(), 0);
        if (expanded > limits.maxNodes()) {
            // aliases repeat shared subtrees: refuse the "billion laughs" before expanding anything
            diagnostics.add(Diagnostic.error(Code.Y003, "", "the document expands to " + (expanded == Long.MAX_VALUE ? "too many"
                    : String.valueOf(expanded)) + " values through aliases, more than " + limits.maxNodes(),
                    "aliases, nesting and size are limited; simplify the document").at(ParserMarks.position(source, rootNode.getStartMark())));
            return Optional.empty();
        }
        SourceMap map = new SourceMap(source.name());
        Walker walker = new Walker(source, map, diagnostics);
        map.put("", ParserMarks.line(rootNode), ParserMarks.column(rootNode), ParserMarks.width(rootNode), rootNode instanceof MappingNode);
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
    private long expandedSize(Node node, Map<Node, Long> memo, int depth) {
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
                throw new LimitExceeded(pointer, ParserMarks.position(source, node.getStartMark()),
                        "the document is nested more than " + limits.maxDepth() + " levels deep");
            }
            if (++nodes > limits.maxNodes()) {
                throw new LimitExceeded(pointer, ParserMarks.position(source, node.getStartMark()),
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
                    map.put(p, ParserMarks.line(item), ParserMarks.column(item), ParserMarks.width(item), item instanceof MappingNode);
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
                        .at(ParserMarks.position(source, node.getStartMark())));
            }
        }

        private Map<String, Object> mapping(MappingNode mapping, String pointer, int depth) {
            Map<String, Object> result = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode keyScalar)) {
                    diagnostics.add(Diagnostic.error(Code.Y005, pointer, "a key must be a plain string",
                            "write the key as a string").at(ParserMarks.span(source, keyNode)));
                    continue;
                }
                String key = keyScalar.getValue();
                String p = JsonPointer.child(pointer, key);
                if (result.containsKey(key)) {
                    diagnostics.add(Diagnostic.error(Code.Y002, p, "duplicate key '" + key + "'",
                            "the key first appears at line " + map.locate(p, true).line() + "; remove or rename one of them")
                            .at(ParserMarks.span(source, keyNode)));
                    continue;
                }
                Node valueNode = tuple.getValueNode();
                map.put(p, ParserMarks.line(keyNode), ParserMarks.column(keyNode), ParserMarks.width(keyNode),
                        ParserMarks.line(valueNode), ParserMarks.column(valueNode), ParserMarks.width(valueNode),
                        valueNode instanceof MappingNode);
                result.put(key, value(tuple.getValueNode(), p, depth + 1));
            }
            return result;
        }

        private Object scalar(ScalarNode node, String pointer) {
            Tag tag = node.getTag();
            String text = node.getValue();
            Object value = Scalars.value(tag, text);
            if (value != Scalars.UNSUPPORTED) {
                return value;
            }
            diagnostics.add(Diagnostic.error(Code.Y005, pointer, "unsupported tag " + tag,
                    "remove the tag; berth reads strings, numbers, booleans, lists and mappings")
                    .at(ParserMarks.span(source, node)));
            return text;
        }
    }
}
