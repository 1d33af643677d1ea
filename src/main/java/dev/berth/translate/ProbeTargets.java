package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.Port;
import dev.berth.model.PortProbe;
import dev.berth.probe.Probe;
import dev.berth.probe.ProbeTarget;
import dev.berth.unit.TimeSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** A container's probes, with what apply needs to find its journal and to tell whether a plan changed it. */
final class ProbeTargets {
    private ProbeTargets() {
    }

    static List<ProbeTarget> of(Container c, List<PlacedUnit> units, List<UnitSet.Link> links) {
        if (c.ports().stream().allMatch(p -> p.probe().isEmpty())) {
            return List.of();
        }
        String guest = c.root().substring(1);
        TreeSet<String> paths = new TreeSet<>();
        units.forEach(u -> paths.add(u.path()));
        links.forEach(l -> paths.add(l.path()));
        paths.removeIf(path -> path.equals(guest) || path.startsWith(guest + "/"));
        List<ProbeTarget> targets = new ArrayList<>();
        for (Port port : c.ports()) {
            port.probe().ifPresent(p -> targets.add(new ProbeTarget(c.name(), port.name(), port.listen(), probe(p),
                    c.name(), ContainerUnits.service(c), guest, List.copyOf(paths))));
        }
        return targets;
    }

    private static Probe probe(PortProbe p) {
        long timeout = TimeSpan.millis(p.timeout().orElse(PortProbe.DEFAULT_TIMEOUT));
        if (p.http().isPresent()) {
            return new Probe(Probe.Kind.HTTP, p.http().get(), p.status().orElse(PortProbe.DEFAULT_STATUS), timeout);
        }
        Optional<String> banner = p.banner();
        return banner.map(b -> new Probe(Probe.Kind.BANNER, b, 0, timeout))
                .orElseGet(() -> new Probe(Probe.Kind.CONNECT, "", 0, timeout));
    }
}
