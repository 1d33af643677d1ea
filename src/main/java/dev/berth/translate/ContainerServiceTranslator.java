package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.Runtime;
import dev.berth.unit.Encode;
import dev.berth.unit.Entry;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;

/**
 * The host unit that runs the container. Book and modern forms: {@code NAME.service}, as in the book
 * ({@code ExecStart=/usr/bin/systemd-nspawn -jbD /srv/mycontainer 3}). The nspawn-unit form: a
 * drop-in for the distribution's {@code systemd-nspawn@NAME.service} (its settings go to NAME.nspawn).
 */
final class ContainerServiceTranslator {
    PlacedUnit translate(Container c) {
        Runtime r = c.runtime();
        boolean stock = r.form() == Runtime.Form.NSPAWN_UNIT;
        UnitFile.Builder unit = stock ? UnitFile.builder("berth.conf", UnitKind.DROPIN, c.path())
                : UnitFile.builder(ContainerUnits.service(c), UnitKind.SERVICE, c.path());
        unit.add("Unit", "Description", Encode.plain(c.description().orElse("Container " + c.name())));
        if (!c.ports().isEmpty() || r.startLimit().explicit()) {
            String why = r.startLimit().explicit() ? null
                    : "socket activation may start the container often; systemd's default (5 starts in 10 s) would stop the socket";
            unit.add("Unit", new Entry("StartLimitIntervalSec", r.startLimit().interval(), java.util.Optional.ofNullable(why)));
            unit.add("Unit", "StartLimitBurst", Long.toString(r.startLimit().burst()));
        }
        if (r.idleStop().isPresent()) {
            unit.add("Unit", Entry.because("StopWhenUnneeded", "yes",
                    "idle-stop: stopped once the last proxy in front of it has exited"));
        }
        if (!stock) {
            unit.add("Service", "ExecStart", Encode.exec("", NspawnArguments.command(c)));
        }
        if (r.form() == Runtime.Form.MODERN) {
            unit.add("Service", Entry.because("Type", "notify", "as systemd-nspawn@.service: ready once the guest runs"));
            unit.add("Service", Entry.because("Delegate", "yes", "the guest's systemd manages its own cgroup subtree"));
        }
        c.killMode().or(() -> r.form() == Runtime.Form.MODERN ? java.util.Optional.of("mixed") : java.util.Optional.empty())
                .ifPresent(mode -> unit.add("Service", "KillMode", mode));
        c.restart().ifPresent(restart -> unit.add("Service", "Restart", restart));
        ExecLines.add(unit, c.exec());
        c.limits().ifPresent(l -> LimitLines.add(unit, "Service", l));
        SettingLines.add(unit, c.settings());
        if (c.ports().isEmpty()) {
            // nothing can activate it: start it at boot instead
            unit.add("Install", "WantedBy", "multi-user.target");
        }
        return new PlacedUnit(stock ? Paths.HOST_UNITS + "/" + ContainerUnits.service(c) + ".d" : Paths.HOST_UNITS, unit.build());
    }
}
