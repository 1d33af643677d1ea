package dev.berth.translate;

import java.util.List;

/** Everything a config compiles to, as data: units placed on the host or in guests, and notes. */
public record UnitSet(String sourceName, List<PlacedUnit> units, List<Link> links, List<Note> notes) {
    public UnitSet {
        units = List.copyOf(units);
        links = List.copyOf(links);
        notes = List.copyOf(notes);
    }

    /**
     * A symlink that is not the enablement of a generated unit: a masked guest unit ({@code -> /dev/null})
     * or the enablement of a unit a package installed.
     */
    public record Link(String path, String target, String origin) {
    }
}
