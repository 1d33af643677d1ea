package dev.berth.translate;

import dev.berth.probe.ProbeTarget;
import java.util.List;

/** Everything a config compiles to, as data: units placed on the host or in guests, notes, and the ports' probes. */
public record UnitSet(String sourceName, List<PlacedUnit> units, List<Link> links, List<Note> notes,
                      List<ProbeTarget> probes) {
    public UnitSet {
        units = List.copyOf(units);
        links = List.copyOf(links);
        notes = List.copyOf(notes);
        probes = List.copyOf(probes);
    }

    /** Units, links and notes without probes. */
    public UnitSet(String sourceName, List<PlacedUnit> units, List<Link> links, List<Note> notes) {
        this(sourceName, units, links, notes, List.of());
    }

    /**
     * A symlink that is not the enablement of a generated unit: a masked guest unit ({@code -> /dev/null})
     * or the enablement of a unit a package installed.
     */
    public record Link(String path, String target, String origin) {
    }
}
