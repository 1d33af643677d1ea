package dev.berth.load;

import dev.berth.diag.Position;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Maps JSON pointers to where the key and the value stand in the file. Filled by the loader,
 * read once at the end of a run to put line and column on every diagnostic.
 */
public final class SourceMap {
    /**
     * Where one node stands, as plain numbers: a config of ten thousand containers has half a million nodes, and
     * {@link Position}s are made only for the few that a diagnostic asks about. A key line of 0 means no key.
     */
    private static final class Marks {
        final int keyLine;
        final int keyColumn;
        final int keyLength;
        final int valueLine;
        final int valueColumn;
        final int valueLength;
        final boolean mapping;

        Marks(int keyLine, int keyColumn, int keyLength, int valueLine, int valueColumn, int valueLength, boolean mapping) {
            this.keyLine = keyLine;
            this.keyColumn = keyColumn;
            this.keyLength = keyLength;
            this.valueLine = valueLine;
            this.valueColumn = valueColumn;
            this.valueLength = valueLength;
            this.mapping = mapping;
        }
    }

    private final String file;
    /** Made by the loader as it reads, or on first use by {@link #later}; then fixed. */
    private Map<String, Marks> marks;
    private Supplier<SourceMap> build;
    /** Parts of the config that other files define (imports), by the pointer where each starts. */
    private final Map<String, SourceMap> parts;

    SourceMap(String file) {
        this.file = file;
        this.marks = new HashMap<>();
        this.parts = Map.of();
    }

    private SourceMap(String file, Supplier<SourceMap> build) {
        this(file, build, Map.of());
    }

    private SourceMap(String file, Supplier<SourceMap> build, Map<String, SourceMap> parts) {
        this.file = file;
        this.build = build;
        this.parts = parts;
    }

    /**
     * This map with the nodes at and below each of {@code parts}' pointers located in that part's own file, where
     * the same pointer names them (an imported file's templates stand at /templates/NAME in it as in the config).
     */
    public SourceMap withParts(Map<String, SourceMap> parts) {
        return parts.isEmpty() ? this : new SourceMap(file, () -> this, Map.copyOf(parts));
    }

    /** The map of the file that holds the node at the pointer: a part's whose pointer is the nearest above it. */
    private SourceMap holder(String pointer) {
        if (parts.isEmpty()) {
            return this;
        }
        for (String p = pointer; ; p = JsonPointer.parent(p)) {
            SourceMap part = parts.get(p);
            if (part != null) {
                return part;
            }
            if (p.isEmpty()) {
                return this;
            }
        }
    }

    /**
     * A map made only when something asks where a node is, by reading the file again. A valid config is usually
     * never asked, and a large one has half a million nodes: their pointers and positions are then never made.
     */
    static SourceMap later(String file, Supplier<SourceMap> build) {
        return new SourceMap(file, build);
    }

    private synchronized Map<String, Marks> marks() {
        if (marks == null) {
            marks = build.get().marks();
            build = null;
        }
        return marks;
    }

    /** A node without a key (the root, a list item); positions are 1-based, a length of 0 means unknown. */
    void put(String pointer, int valueLine, int valueColumn, int valueLength, boolean mapping) {
        marks.put(pointer, new Marks(0, 0, 0, valueLine, valueColumn, valueLength, mapping));
    }

    /** The value of a mapping entry, with where its key stands. */
    void put(String pointer, int keyLine, int keyColumn, int keyLength, int valueLine, int valueColumn, int valueLength,
             boolean mapping) {
        marks.put(pointer, new Marks(keyLine, keyColumn, keyLength, valueLine, valueColumn, valueLength, mapping));
    }

    /**
     * The position of the node at the pointer, or of its nearest ancestor that exists (a missing key is
     * reported at the mapping that should hold it).
     *
     * @param atKey point at the key rather than at the value (names, unknown keys); a finding about a
     *              whole mapping (a container, a service) is always shown at its key
     */
    public Position locate(String pointer, boolean atKey) {
        SourceMap holder = holder(pointer);
        if (holder != this) {
            return holder.locate(pointer, atKey);
        }
        String p = pointer;
        while (true) {
            Marks m = marks().get(p);
            if (m != null) {
                return (atKey || m.mapping) && m.keyLine > 0 ? key(m) : value(m);
            }
            if (p.isEmpty()) {
                throw new IllegalStateException("the document root has no mark");
            }
            p = JsonPointer.parent(p);
        }
    }

    public boolean contains(String pointer) {
        SourceMap holder = holder(pointer);
        return holder != this ? holder.contains(pointer) : marks().containsKey(pointer);
    }

    /** Where the key of a mapping entry starts; empty for list items, the root and unknown pointers. */
    public Optional<Position> key(String pointer) {
        SourceMap holder = holder(pointer);
        if (holder != this) {
            return holder.key(pointer);
        }
        Marks m = marks().get(pointer);
        return m == null || m.keyLine == 0 ? Optional.empty() : Optional.of(key(m));
    }

    /** Whether the value at the pointer is a mapping (findings about it are shown at its key). */
    public boolean isMapping(String pointer) {
        SourceMap holder = holder(pointer);
        if (holder != this) {
            return holder.isMapping(pointer);
        }
        Marks m = marks().get(pointer);
        return m != null && m.mapping;
    }

    /** Where the value at the pointer starts. */
    public Optional<Position> value(String pointer) {
        SourceMap holder = holder(pointer);
        if (holder != this) {
            return holder.value(pointer);
        }
        return Optional.ofNullable(marks().get(pointer)).map(this::value);
    }

    /** Every pointer the document holds. */
    public Set<String> pointers() {
        return Collections.unmodifiableSet(marks().keySet());
    }

    private Position key(Marks m) {
        return new Position(file, m.keyLine, m.keyColumn, m.keyLength);
    }

    private Position value(Marks m) {
        return new Position(file, m.valueLine, m.valueColumn, m.valueLength);
    }
}
