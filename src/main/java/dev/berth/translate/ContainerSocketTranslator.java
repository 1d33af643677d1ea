package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.HostSocket;
import dev.berth.model.Port;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
import dev.berth.unit.Value;
import java.util.Optional;

/**
 * The container's socket on the host. Without {@code Accept=} the first connection starts the
 * container, which hands every listening socket to the guest. With idle-stop it listens on the
 * proxies' backend paths instead, and the options users set go to the proxies' front sockets.
 */
final class ContainerSocketTranslator {
    Optional<PlacedUnit> translate(Container c) {
        if (c.ports().isEmpty()) {
            return Optional.empty();
        }
        boolean proxied = c.runtime().idleStop().isPresent();
        UnitFile.Builder unit = UnitFile.builder(ContainerUnits.socket(c), UnitKind.SOCKET, c.keyPath("ports"));
        unit.add("Unit", "Description", Value.text(proxied ? "Backend sockets of container " + c.name() : description(c)));
        for (Port port : c.ports()) {
            unit.add("Socket", Listen.directive(c, port), Listen.value(c, port));
        }
        if (proxied) {
            unit.add("Socket", "SocketMode", Value.mode("0600"),
                    "only the proxies (root) may connect: a connection here would start the container behind their back");
        } else {
            options(unit, c.socket());
        }
        unit.add("Install", "WantedBy", Value.word("sockets.target"));
        return Optional.of(new PlacedUnit(Paths.HOST_UNITS, unit.build()));
    }

    /** The options users set on the host socket, on the socket that faces the clients. */
    static void options(UnitFile.Builder unit, HostSocket s) {
        OptionLines.add(unit, s.options(), "Socket");
    }

    static String description(Container c) {
        if (c.socket().description().isPresent()) {
            return c.socket().description().get();
        }
        if (c.ports().size() == 1 && c.ports().get(0).description().isPresent()) {
            return c.ports().get(0).description().get();
        }
        return "Sockets of container " + c.name();
    }
}
