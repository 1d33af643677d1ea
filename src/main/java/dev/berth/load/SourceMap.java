package dev.berth.load;

import dev.berth.diag.Position;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps JSON pointers to where the key and the value stand in the file. Filled by the loader,
 * read once at the end of a run to put line and column on every diagnostic.
 */
public final class SourceMap {
    private record Marks(Position key, Position value, boolean mapping) {
    }

    private final Map<String, Marks> marks = new HashMap<>();

    void put(String pointer, Position key, Position value, boolean mapping) {
        marks.put(pointer, new Marks(key, value, mapping));
    }

    /**
     * The position of the node at the pointer, or of its nearest ancestor that exists (a missing key is
     * reported at the mapping that should hold it).
     *
     * @param atKey point at the key rather than at the value (names, unknown keys); a finding about a
     *              whole mapping (a container, a service) is always shown at its key
     */
    public Position locate(String pointer, boolean atKey) {
        String p = pointer;
        while (true) {
            Marks m = marks.get(p);
            if (m != null) {
                return (atKey || m.mapping()) && m.key() != null ? m.key() : m.value();
            }
            if (p.isEmpty()) {
                throw new IllegalStateException("the document root has no mark");
            }
            p = JsonPointer.parent(p);
        }
    }

    public boolean contains(String pointer) {
        return marks.containsKey(pointer);
    }

    /** Where the key of a mapping entry starts; empty for list items, the root and unknown pointers. */
    public Optional<Position> key(String pointer) {
        return Optional.ofNullable(marks.get(pointer)).map(Marks::key);
    }

    /** Whether the value at the pointer is a mapping (findings about it are shown at its key). */
    public boolean isMapping(String pointer) {
        Marks m = marks.get(pointer);
        return m != null && m.mapping();
    }

    /** Where the value at the pointer starts. */
    public Optional<Position> value(String pointer) {
        return Optional.ofNullable(marks.get(pointer)).map(Marks::value);
    }

    /** Every pointer the document holds. */
    public Set<String> pointers() {
        return Collections.unmodifiableSet(marks.keySet());
    }
}
