package dev.berth.unit;

import java.util.List;

/** A {@code [Name]} section with its lines in order (keys may repeat, as systemd allows). */
public record Section(String name, List<Entry> entries) {
    public Section {
        entries = List.copyOf(entries);
    }
}
