package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.GuestSocket;
import dev.berth.model.Port;
import dev.berth.model.Service;
import dev.berth.unit.Encode;
import dev.berth.unit.Entry;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
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
        unit.add("Unit", "Description", Encode.plain(options.description().orElse("Socket of " + s.name())));
        for (String portName : s.ports()) {
            Port port = c.port(portName).orElseThrow();
            unit.add("Socket", Listen.directive(c, port), Listen.value(c, port));
        }
        unit.add("Socket", "Accept", s.perConnection() ? "yes" : "no");
        options.maxConnections().ifPresent(m -> unit.add("Socket", "MaxConnections", Long.toString(m)));
        options.maxConnectionsPerSource().ifPresent(m -> unit.add("Socket", "MaxConnectionsPerSource", Long.toString(m)));
        options.keepAlive().ifPresent(b -> unit.add("Socket", "KeepAlive", ContainerSocketTranslator.yesNo(b)));
        options.noDelay().ifPresent(b -> unit.add("Socket", "NoDelay", ContainerSocketTranslator.yesNo(b)));
        unit.add("Install", "WantedBy", "sockets.target");
        return unit.build();
    }

    private static UnitFile service(Service s) {
        boolean perConnection = s.activated() && s.perConnection();
        String fileName = s.name() + (perConnection ? "@.service" : ".service");
        UnitFile.Builder unit = UnitFile.builder(fileName, UnitKind.SERVICE, s.path());
        String description = Encode.plain(s.description().orElse(perConnection ? s.name() + " per-connection server" : s.name()));
        // %I is the instance (the connection): a specifier berth writes itself, after the user's text was escaped
        unit.add("Unit", "Description", perConnection ? description + " for %I" : description);
        s.type().ifPresent(t -> unit.add("Service", "Type", t));
        unit.add("Service", "ExecStart", Encode.exec(s.ignoreFailure() ? "-" : "", s.command()));
        if (perConnection) {
            unit.add("Service", "StandardInput", "socket");
        } else if (s.activated() && s.socketOnStdin()) {
            unit.add("Service", "StandardInput", "socket");
            unit.add("Service", Entry.because("StandardOutput", "journal",
                    "the socket is the service's standard input; its output and errors go to the journal, not to the socket"));
        }
        s.runtimeDirectory().ifPresent(dir -> {
            unit.add("Service", Entry.because("RuntimeDirectory", Encode.word(dir),
                    "/run/" + dir + " is created before the service starts; daemons such as sshd refuse to run without it"));
            if (perConnection) {
                unit.add("Service", Entry.because("RuntimeDirectoryPreserve", "yes",
                        "instances run side by side: one exiting must not remove /run/" + dir + " under the others"));
            }
        });
        s.user().ifPresent(u -> unit.add("Service", "User", Encode.word(u)));
        s.group().ifPresent(g -> unit.add("Service", "Group", Encode.word(g)));
        s.workingDirectory().ifPresent(w -> unit.add("Service", "WorkingDirectory", Encode.word(w)));
        s.restart().ifPresent(r -> unit.add("Service", "Restart", r));
        ExecLines.add(unit, s.exec());
        s.limits().ifPresent(l -> LimitLines.add(unit, "Service", l));
        SandboxLines.add(unit, s.sandbox());
        SettingLines.add(unit, s.settings());
        if (!s.activated()) {
            unit.add("Install", "WantedBy", "multi-user.target");
        }
        return unit.build();
    }
}
