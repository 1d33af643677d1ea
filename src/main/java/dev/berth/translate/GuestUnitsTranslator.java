package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.GuestSocket;
import dev.berth.model.Port;
import dev.berth.model.Service;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
import dev.berth.unit.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The units of one guest service, written below the container root: a socket claiming the ports the
 * host passes (when the service has any) and the service itself, per connection or native.
 */
final class GuestUnitsTranslator {
    List<PlacedUnit> translate(Container c, Service s) {
        String dir = Paths.guestUnits(c);
        List<PlacedUnit> units = new ArrayList<>();
        if (s.activated()) {
            units.add(new PlacedUnit(dir, socket(c, s)));
        }
        units.add(new PlacedUnit(dir, service(s)));
        return units;
    }

    /** The guest socket listens on exactly the host port's address: that is how the passed fd finds it. */
    private static UnitFile socket(Container c, Service s) {
        GuestSocket options = s.socket();
        UnitFile.Builder unit = UnitFile.builder(s.name() + ".socket", UnitKind.SOCKET, s.path());
        unit.add("Unit", "Description", Value.text(options.description().orElse("Socket of " + s.name())));
        for (String portName : s.ports()) {
            Port port = c.port(portName).orElseThrow();
            unit.add("Socket", Listen.directive(c, port), Listen.value(c, port));
        }
        unit.add("Socket", "Accept", Value.bool(s.perConnection()));
        OptionLines.add(unit, options.options(), "Socket");
        unit.add("Install", "WantedBy", Value.word("sockets.target"));
        return unit.build();
    }

    private static UnitFile service(Service s) {
        boolean perConnection = s.activated() && s.perConnection();
        String fileName = s.name() + (perConnection ? "@.service" : ".service");
        UnitFile.Builder unit = UnitFile.builder(fileName, UnitKind.SERVICE, s.path());
        String description = s.description().orElse(perConnection ? s.name() + " per-connection server" : s.name());
        // %I is the instance (the connection)
        unit.add("Unit", "Description", perConnection ? Value.textForInstance(description) : Value.text(description));
        s.type().ifPresent(t -> unit.add("Service", "Type", Value.word(t)));
        unit.add("Service", "ExecStart", Value.exec(s.ignoreFailure() ? "-" : "", s.command()));
        if (perConnection) {
            unit.add("Service", "StandardInput", Value.word("socket"));
        } else if (s.outputToJournal()) {
            unit.add("Service", "StandardInput", Value.word("socket"));
            unit.add("Service", "StandardOutput", Value.word("journal"),
                    "the socket is the service's standard input; its output and errors go to the journal, not to the socket");
        }
        s.runtimeDirectory().ifPresent(dir -> {
            unit.add("Service", "RuntimeDirectory", Value.word(dir),
                    "/run/" + dir + " is created before the service starts; daemons such as sshd refuse to run without it");
            if (perConnection) {
                unit.add("Service", "RuntimeDirectoryPreserve", Value.bool(true),
                        "instances run side by side: one exiting must not remove /run/" + dir + " under the others");
            }
        });
        OptionLines.add(unit, s.options(), "Service");
        ExecLines.add(unit, s.exec());
        s.limits().ifPresent(l -> OptionLines.add(unit, l.options(), "Service"));
        SandboxLines.add(unit, s.sandbox());
        SettingLines.add(unit, s.settings());
        if (!s.activated()) {
            unit.add("Install", "WantedBy", Value.word("multi-user.target"));
        }
        return unit.build();
    }
}
