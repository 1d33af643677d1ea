package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.Port;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
import dev.berth.unit.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Idle shutdown (scale to zero) from systemd's own parts: per port, a front socket on the public
 * address and systemd-socket-proxyd, which forwards to the container's backend socket and exits after
 * the idle time; the container unit has StopWhenUnneeded=yes, so it stops when no proxy needs it.
 */
final class ProxyTranslator {
    static final String PROXYD = "/usr/lib/systemd/systemd-socket-proxyd";

    List<PlacedUnit> translate(Container c) {
        List<PlacedUnit> units = new ArrayList<>();
        if (c.runtime().idleStop().isEmpty()) {
            return units;
        }
        String idle = c.runtime().idleStop().get();
        for (Port p : c.ports()) {
            UnitFile.Builder socket = UnitFile.builder(ContainerUnits.proxy(c, p, ".socket"), UnitKind.SOCKET, p.path());
            socket.add("Unit", "Description", Value.text(p.description().orElse(ContainerSocketTranslator.description(c))));
            socket.add("Socket", Listen.publicDirective(p), Listen.publicValue(p));
            ContainerSocketTranslator.options(socket, c.socket());
            socket.add("Install", "WantedBy", Value.word("sockets.target"));
            units.add(new PlacedUnit(Paths.HOST_UNITS, socket.build()));

            String container = ContainerUnits.service(c);
            UnitFile.Builder proxy = UnitFile.builder(ContainerUnits.proxy(c, p, ".service"), UnitKind.SERVICE, p.path());
            proxy.add("Unit", "Description", Value.text("Proxy to container " + c.name() + ", port " + p.name()));
            proxy.add("Unit", "Requires", Value.word(container), "the container runs while a proxy runs, and stops when none does");
            proxy.add("Unit", "After", Value.word(container));
            proxy.add("Service", "ExecStart", Value.exec("", List.of(PROXYD, "--exit-idle-time=" + idle,
                    ContainerUnits.backendSocketPath(c, p))), "exits after " + idle + " without connections");
            proxy.add("Service", "PrivateTmp", Value.bool(true));
            proxy.add("Service", "NoNewPrivileges", Value.bool(true));
            units.add(new PlacedUnit(Paths.HOST_UNITS, proxy.build()));
        }
        return units;
    }
}
