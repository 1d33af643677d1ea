package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.unit.Encode;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code NAME.service} on the host: runs systemd-nspawn for the container, as in the book:
 * {@code ExecStart=/usr/bin/systemd-nspawn -jbD /srv/mycontainer 3}.
 */
final class ContainerServiceTranslator {
    static final String NSPAWN = "/usr/bin/systemd-nspawn";

    PlacedUnit translate(Container c) {
        UnitFile.Builder unit = UnitFile.builder(c.name() + ".service", UnitKind.SERVICE, c.path());
        unit.add("Unit", "Description", Encode.plain(c.description().orElse("Container " + c.name())));
        unit.add("Service", "ExecStart", Encode.exec("", nspawnCommand(c)));
        c.killMode().ifPresent(mode -> unit.add("Service", "KillMode", mode));
        c.restart().ifPresent(r -> unit.add("Service", "Restart", r));
        ExecLines.add(unit, c.exec());
        c.limits().ifPresent(l -> LimitLines.add(unit, "Service", l));
        SettingLines.add(unit, c.settings());
        if (c.ports().isEmpty()) {
            // nothing can activate it: start it at boot instead
            unit.add("Install", "WantedBy", "multi-user.target");
        }
        return new PlacedUnit(Paths.HOST_UNITS, unit.build());
    }

    /** The book's short form (-jbD ROOT ARGS) when it applies, long options for the rest. */
    static List<String> nspawnCommand(Container c) {
        List<String> argv = new ArrayList<>();
        argv.add(NSPAWN);
        boolean shortJournal = c.journal().map("link"::equals).orElse(false);
        c.journal().filter(j -> !j.equals("link")).ifPresent(j -> argv.add("--link-journal=" + j));
        if (!rootBaseName(c).equals(c.name())) {
            // nspawn names the machine after the directory; keep it equal to the container's name
            argv.add("--machine=" + c.name());
        }
        argv.add(shortJournal ? "-jbD" : "-bD");
        argv.add(c.root());
        argv.addAll(c.bootArgs());
        return argv;
    }

    private static String rootBaseName(Container c) {
        return c.root().substring(c.root().lastIndexOf('/') + 1);
    }
}
