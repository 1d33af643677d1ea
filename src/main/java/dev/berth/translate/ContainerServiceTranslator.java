package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.Runtime;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
import dev.berth.unit.Value;

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
        unit.add("Unit", "Description", Value.text(c.description().orElse("Container " + c.name())));
        if (!c.ports().isEmpty() || r.startLimit().explicit()) {
            Value interval = Value.duration(r.startLimit().interval());
            if (r.startLimit().explicit()) {
                unit.add("Unit", "StartLimitIntervalSec", interval);
            } else {
                unit.add("Unit", "StartLimitIntervalSec", interval,
                        "socket activation may start the container often; systemd's default (5 starts in 10 s) would stop the socket");
            }
            unit.add("Unit", "StartLimitBurst", Value.number(r.startLimit().burst()));
        }
        if (r.idleStop().isPresent()) {
            unit.add("Unit", "StopWhenUnneeded", Value.bool(true), "idle-stop: stopped once the last proxy in front of it has exited");
        }
        if (!stock) {
            unit.add("Service", "ExecStart", Value.exec("", NspawnArguments.command(c)));
        }
        if (r.form() == Runtime.Form.MODERN) {
            unit.add("Service", "Type", Value.word("notify"), "as systemd-nspawn@.service: ready once the guest runs");
            unit.add("Service", "Delegate", Value.bool(true), "the guest's systemd manages its own cgroup subtree");
        }
        c.killMode().or(() -> r.form() == Runtime.Form.MODERN ? java.util.Optional.of("mixed") : java.util.Optional.empty())
                .ifPresent(mode -> unit.add("Service", "KillMode", Value.word(mode)));
        OptionLines.add(unit, c.options(), "Service");
        ExecLines.add(unit, c.exec());
        c.limits().ifPresent(l -> OptionLines.add(unit, l.options(), "Service"));
        SettingLines.add(unit, c.settings());
        if (c.ports().isEmpty()) {
            // nothing can activate it: start it at boot instead
            unit.add("Install", "WantedBy", Value.word("multi-user.target"));
        }
        return new PlacedUnit(stock ? Paths.HOST_UNITS + "/" + ContainerUnits.service(c) + ".d" : Paths.HOST_UNITS, unit.build());
    }
}
