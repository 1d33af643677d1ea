package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.Port;
import dev.berth.model.Service;
import dev.berth.unit.Encode;
import dev.berth.unit.Entry;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The units of one guest service, written below the container root: a socket claiming the port the
 * host passes (when the service has one) and the service itself, per connection or native.
 */
final class GuestUnitsTranslator {
    List<PlacedUnit> translate(Container c, Service s) {
        String dir = Paths.guestUnits(c);
        List<PlacedUnit> units = new ArrayList<>();
        Optional<Port> port = s.port().flatMap(c::port);
        port.ifPresent(p -> units.add(new PlacedUnit(dir, socket(s, p))));
        units.add(new PlacedUnit(dir, service(s, port.isPresent())));
        return units;
    }

    private static UnitFile socket(Service s, Port port) {
        UnitFile.Builder unit = UnitFile.builder(s.name() + ".socket", UnitKind.SOCKET, s.path());
        unit.add("Unit", "Description", Encode.plain(s.socketDescription().orElse("Socket of " + s.name())));
        unit.add("Socket", Listen.directive(port), Listen.value(port));
        unit.add("Socket", "Accept", s.perConnection() ? "yes" : "no");
        unit.add("Install", "WantedBy", "sockets.target");
        return unit.build();
    }

    private static UnitFile service(Service s, boolean activated) {
        boolean perConnection = activated && s.perConnection();
        String fileName = s.name() + (perConnection ? "@.service" : ".service");
        UnitFile.Builder unit = UnitFile.builder(fileName, UnitKind.SERVICE, s.path());
        String description = Encode.plain(s.description().orElse(perConnection ? s.name() + " per-connection server" : s.name()));
        // %I is the instance (the connection): a specifier berth writes itself, after the user's text was escaped
        unit.add("Unit", "Description", perConnection ? description + " for %I" : description);
        unit.add("Service", "ExecStart", Encode.exec(s.ignoreFailure() ? "-" : "", s.exec()));
        if (perConnection) {
            unit.add("Service", "StandardInput", "socket");
        }
        s.runtimeDirectory().ifPresent(dir -> {
            unit.add("Service", Entry.because("RuntimeDirectory", Encode.word(dir),
                    "/run/" + dir + " is created before the service starts; daemons such as sshd refuse to run without it"));
            if (perConnection) {
                unit.add("Service", Entry.because("RuntimeDirectoryPreserve", "yes",
                        "instances run side by side: one exiting must not remove /run/" + dir + " under the others"));
            }
        });
        if (!activated) {
            unit.add("Install", "WantedBy", "multi-user.target");
        }
        return unit.build();
    }
}
