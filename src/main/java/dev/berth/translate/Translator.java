package dev.berth.translate;

import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.model.Runtime;
import dev.berth.model.Service;
import dev.berth.parallel.Parallel;
import dev.berth.probe.ProbeTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Model to units. Runs only on a config the check stage accepted, so every value is encodable. Containers are
 * translated independently (on several threads for a large config) and put together in the config's order.
 */
public final class Translator {
    private final ContainerServiceTranslator containerService = new ContainerServiceTranslator();
    private final ContainerSocketTranslator containerSocket = new ContainerSocketTranslator();
    private final GuestUnitsTranslator guestUnits = new GuestUnitsTranslator();
    private final DropInTranslator dropIns = new DropInTranslator();
    private final ProxyTranslator proxies = new ProxyTranslator();
    private final NspawnSettingsTranslator nspawnSettings = new NspawnSettingsTranslator();
    private final NotesTranslator notes = new NotesTranslator();

    public UnitSet translate(Config config) {
        List<Container> containers = config.containers();
        Translated[] each = new Translated[containers.size()];
        IntStream range = IntStream.range(0, each.length);
        (Parallel.pays(each.length) ? range.parallel() : range).forEach(i -> each[i] = translate(containers.get(i)));
        List<PlacedUnit> units = new ArrayList<>();
        List<UnitSet.Link> links = new ArrayList<>();
        List<List<Note>> containerNotes = new ArrayList<>(each.length);
        List<ProbeTarget> probes = new ArrayList<>();
        for (Translated t : each) { // in the config's order, as if translated one after the other
            units.addAll(t.units());
            links.addAll(t.links());
            containerNotes.add(t.notes());
            probes.addAll(t.probes());
        }
        units.addAll(hostDropIns(config));
        return new UnitSet(config.sourceName(), units, links, notes(config, containerNotes), probes);
    }

    /** One container's units, links, notes and probes: all that comes of it, whatever the other containers are. */
    public record Translated(List<PlacedUnit> units, List<UnitSet.Link> links, List<Note> notes, List<ProbeTarget> probes) {
    }

    /** The drop-ins for units of the host, which belong to no container. */
    public List<PlacedUnit> hostDropIns(Config config) {
        return config.hostDropIns().stream().map(d -> dropIns.translate(Paths.HOST_UNITS, d)).toList();
    }

    /** All the notes: the host's, then each container's, from {@link Translated#notes} in the config's order. */
    public List<Note> notes(Config config, List<List<Note>> containerNotes) {
        return notes.translate(config, containerNotes);
    }

    public Translated translate(Container c) {
        List<PlacedUnit> units = new ArrayList<>();
        List<UnitSet.Link> links = new ArrayList<>();
        units.add(containerService.translate(c));
        containerSocket.translate(c).ifPresent(units::add);
        units.addAll(proxies.translate(c));
        nspawnSettings.translate(c).ifPresent(units::add);
        if (c.runtime().form() == Runtime.Form.NSPAWN_UNIT && c.ports().isEmpty()) {
            // what machinectl enable does: the stock template, enabled for this machine
            links.add(new UnitSet.Link(Paths.HOST_UNITS + "/machines.target.wants/" + ContainerUnits.service(c),
                    "/lib/systemd/system/systemd-nspawn@.service", c.path()));
        }
        for (String masked : c.mask()) {
            links.add(new UnitSet.Link(Paths.guestUnits(c) + "/" + masked, "/dev/null", c.keyPath("mask")));
        }
        for (Service s : c.services()) {
            units.addAll(guestUnits.translate(c, s));
        }
        c.dropIns().forEach(d -> units.add(dropIns.translate(Paths.guestUnits(c), d)));
        return new Translated(units, links, ContainerNotes.of(c), ProbeTargets.of(c, units, links));
    }
}
