package dev.berth.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A unit file as data: its file name, its sections in order, and the config path it comes from.
 *
 * @param fileName e.g. {@code sshd@.service}, or {@code 10-limits.conf} for a drop-in
 * @param origin   the config path the unit was generated from (named in the file's header)
 */
public record UnitFile(String fileName, UnitKind kind, String origin, List<Section> sections) {
    public UnitFile {
        sections = List.copyOf(sections);
    }

    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Every value of a key in a section, in order. */
    public List<String> values(String section, String key) {
        return section(section).map(s -> s.entries().stream().filter(e -> e.key().equals(key)).map(Entry::value).toList())
                .orElse(List.of());
    }

    public static Builder builder(String fileName, UnitKind kind, String origin) {
        return new Builder(fileName, kind, origin);
    }

    /** Collects lines section by section, keeping the order in which sections are first used. */
    public static final class Builder {
        private final String fileName;
        private final UnitKind kind;
        private final String origin;
        private final List<String> order = new ArrayList<>();
        private final java.util.Map<String, List<Entry>> entries = new java.util.HashMap<>();

        private Builder(String fileName, UnitKind kind, String origin) {
            this.fileName = fileName;
            this.kind = kind;
            this.origin = origin;
        }

        /** A line whose value was encoded by its {@link Value} factory. */
        public Builder add(String section, String key, Value value) {
            return put(section, new Entry(key, value.text(), Optional.empty()));
        }

        /** A line berth adds on its own account, with a comment above it saying why. */
        public Builder add(String section, String key, Value value, String why) {
            return put(section, new Entry(key, value.text(), Optional.of(why)));
        }

        /** A line read back from a unit file: its value stays as written. */
        Builder addParsed(String section, String key, String text, Optional<String> why) {
            return put(section, new Entry(key, text, why));
        }

        private Builder put(String section, Entry entry) {
            entries.computeIfAbsent(section, s -> {
                order.add(s);
                return new ArrayList<>();
            }).add(entry);
            return this;
        }

        public UnitFile build() {
            return new UnitFile(fileName, kind, origin, order.stream().map(s -> new Section(s, entries.get(s))).toList());
        }
    }
}
