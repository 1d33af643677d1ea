package dev.berth.translate;

import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.model.Service;
import java.util.ArrayList;
import java.util.List;

/** Model to units. Runs only on a config the check stage accepted, so every value is encodable. */
public final class Translator {
    private final ContainerServiceTranslator containerService = new ContainerServiceTranslator();
    private final ContainerSocketTranslator containerSocket = new ContainerSocketTranslator();
    private final GuestUnitsTranslator guestUnits = new GuestUnitsTranslator();
    private final DropInTranslator dropIns = new DropInTranslator();
    private final NotesTranslator notes = new NotesTranslator();

    public UnitSet translate(Config config) {
        List<PlacedUnit> units = new ArrayList<>();
        for (Container c : config.containers()) {
            units.add(containerService.translate(c));
            containerSocket.translate(c).ifPresent(units::add);
            for (Service s : c.services()) {
                units.addAll(guestUnits.translate(c, s));
            }
            c.dropIns().forEach(d -> units.add(dropIns.translate(Paths.guestUnits(c), d)));
        }
        config.hostDropIns().forEach(d -> units.add(dropIns.translate(Paths.HOST_UNITS, d)));
        return new UnitSet(config.sourceName(), units, notes.translate(config));
    }
}
