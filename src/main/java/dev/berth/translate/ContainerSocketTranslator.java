package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.HostSocket;
import dev.berth.model.Port;
import dev.berth.unit.Encode;
import dev.berth.unit.Entry;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
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
        unit.add("Unit", "Description", Encode.plain(proxied ? "Backend sockets of container " + c.name() : description(c)));
        for (Port port : c.ports()) {
            unit.add("Socket", Listen.directive(c, port), Listen.value(c, port));
        }
        if (proxied) {
            unit.add("Socket", Entry.because("SocketMode", "0600",
                    "only the proxies (root) may connect: a connection here would start the container behind their back"));
        } else {
            options(unit, c.socket());
        }
        unit.add("Install", "WantedBy", "sockets.target");
        return Optional.of(new PlacedUnit(Paths.HOST_UNITS, unit.build()));
    }

    static void options(UnitFile.Builder unit, HostSocket s) {
        s.backlog().ifPresent(b -> unit.add("Socket", "Backlog", Long.toString(b)));
        s.bindIpv6Only().ifPresent(b -> unit.add("Socket", "BindIPv6Only", b));
        s.freeBind().ifPresent(b -> unit.add("Socket", "FreeBind", yesNo(b)));
        s.reusePort().ifPresent(b -> unit.add("Socket", "ReusePort", yesNo(b)));
        s.keepAlive().ifPresent(b -> unit.add("Socket", "KeepAlive", yesNo(b)));
        s.noDelay().ifPresent(b -> unit.add("Socket", "NoDelay", yesNo(b)));
        s.socketMode().ifPresent(m -> unit.add("Socket", "SocketMode", m));
        s.triggerInterval().ifPresent(i -> unit.add("Socket", "TriggerLimitIntervalSec", i));
        s.triggerBurst().ifPresent(b -> unit.add("Socket", "TriggerLimitBurst", Long.toString(b)));
    }

    static String yesNo(boolean b) {
        return b ? "yes" : "no";
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
