package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.Port;
import dev.berth.unit.Encode;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
import java.util.Optional;

/**
 * {@code NAME.socket} on the host: listens on the container's behalf. Without {@code Accept=} the
 * first connection starts {@code NAME.service}, which hands every listening socket to the guest.
 */
final class ContainerSocketTranslator {
    Optional<PlacedUnit> translate(Container c) {
        if (c.ports().isEmpty()) {
            return Optional.empty();
        }
        UnitFile.Builder unit = UnitFile.builder(c.name() + ".socket", UnitKind.SOCKET, c.path() + "/ports");
        unit.add("Unit", "Description", Encode.plain(description(c)));
        for (Port port : c.ports()) {
            unit.add("Socket", Listen.directive(port), Listen.value(port));
        }
        unit.add("Install", "WantedBy", "sockets.target");
        return Optional.of(new PlacedUnit(Paths.HOST_UNITS, unit.build()));
    }

    private static String description(Container c) {
        if (c.socketDescription().isPresent()) {
            return c.socketDescription().get();
        }
        if (c.ports().size() == 1 && c.ports().get(0).description().isPresent()) {
            return c.ports().get(0).description().get();
        }
        return "Sockets of container " + c.name();
    }
}
