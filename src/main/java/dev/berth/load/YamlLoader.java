package dev.berth.load;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import java.util.Optional;

/**
 * Reads one YAML document into plain values and a {@link SourceMap}. Works on the parser's events and the
 * composed node tree rather than constructed objects, because only they carry marks (line and column) and only
 * there can duplicate keys be reported instead of silently resolved. A plain document (the usual case) is read the
 * fast way ({@link PlainDocument}: the {@link BlockReader}, else the parser's events, a large one in parts by
 * {@link ContainerSplit}); anything else (anchors, aliases, odd tags and keys, syntax errors, limits) the general way
 * ({@link ComposedDocument}), which reports it. Where a fast way reads a document it gives what the general way
 * gives: the fuzz target {@code FastPathFuzzTest} compares them value for value and position for position.
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
                .or(() -> new PlainDocument(source, limits, false, 0).load());
        if (plain.isPresent()) {
            return plain;
        }
        return ComposedDocument.load(source, limits, diagnostics);
    }

    /** A plain text's values (no positions), read from this depth on, and how many nodes they have. */
    record PlainValues(Object root, long nodes) {
    }

    /** The fast way's values of a text, its root at {@code depth}; empty where the fast way gives up. */
    Optional<PlainValues> plainValues(Source text, int depth) {
        PlainDocument document = new PlainDocument(text, limits, false, depth);
        return document.values().map(root -> new PlainValues(root, document.nodes()));
    }

    /** The document of values the fast way read, with positions made when first asked for. */
    Document plainDocument(Source source, Object root) {
        return new PlainDocument(source, limits, false, 0).document(root);
    }

    /** The document loaded the general way only: what the fast way must match (tests compare the two). */
    Optional<Document> loadComposed(Source source, Diagnostics diagnostics) {
        return ComposedDocument.load(source, limits, diagnostics);
    }

    /** A text's values as the parser's events give them, without the block reader: what that reader must match. */
    Optional<PlainValues> eventValues(Source text, int depth) {
        PlainDocument document = new PlainDocument(text, limits, false, depth, false);
        return document.values().map(root -> new PlainValues(root, document.nodes()));
    }

    /** The document with its positions, read from the parser's events only (no block reader), or empty. */
    Optional<Document> loadFromEvents(Source source) {
        return new PlainDocument(source, limits, true, 0, false).load();
    }

    /** A text's values as the block reader alone reads them, or empty where it gives up. */
    Optional<BlockReader.Values> blockValues(Source text, int depth) {
        return new PlainDocument(text, limits, false, depth).blockValues();
    }

    /** The document loaded the fast way only, or empty where it gives up. */
    Optional<Document> loadPlain(Source source) {
        return new PlainDocument(source, limits, false, 0).load();
    }
}
