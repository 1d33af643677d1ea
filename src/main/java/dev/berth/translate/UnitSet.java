package dev.berth.translate;

import java.util.List;

/** Everything a config compiles to, as data: units placed on the host or in guests, and notes. */
public record UnitSet(String sourceName, List<PlacedUnit> units, List<Note> notes) {
    public UnitSet {
        units = List.copyOf(units);
        notes = List.copyOf(notes);
    }
}
