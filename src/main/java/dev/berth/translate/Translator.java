package dev.berth.translate;

import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.model.Runtime;
import dev.berth.model.Service;
import java.util.ArrayList;
import java.util.List;

/** Model to units. Runs only on a config the check stage accepted, so every value is encodable. */
public final class Translator {
    private final ContainerServiceTranslator containerService = new ContainerServiceTranslator();
    private final ContainerSocketTranslator containerSocket = new ContainerSocketTranslator();
    private final GuestUnitsTranslator guestUnits = new GuestUnitsTranslator();
    private final DropInTranslator dropIns = new DropInTranslator();
    private final ProxyTranslator proxies = new ProxyTranslator();
    private final NspawnSettingsTranslator nspawnSettings = new NspawnSettingsTranslator();
    private final NotesTranslator notes = new NotesTranslator();

    public UnitSet translate(Config config) {
        List<PlacedUnit> units = new ArrayList<>();
        List<UnitSet.Link> links = new ArrayList<>();
        for (Container c : config.containers()) {
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
        }
        config.hostDropIns().forEach(d -> units.add(dropIns.translate(Paths.HOST_UNITS, d)));
        return new UnitSet(config.sourceName(), units, links, notes.translate(config));
    }
}
