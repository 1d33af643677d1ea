package dev.berth.model;

import dev.berth.model.Port.SocketType;
import dev.berth.option.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Binds one container, after merging it with its template. */
final class ContainerBinder {
    /** Where nspawn and machinectl look for containers by default. */
    static final String DEFAULT_ROOT_PARENT = "/var/lib/machines";

    private ContainerBinder() {
    }

    static Container bind(String name, Obj own, Optional<Obj> template) {
        ConfigBinder.Merged m = ConfigBinder.merge(own, template);
        Obj c = m.values();
        String root = c.string("root").orElse(c.string("root-parent").orElse(DEFAULT_ROOT_PARENT) + "/" + name);
        List<Port> ports = new ArrayList<>();
        m.entries().get("ports").forEach((portName, p) -> ports.add(new Port(portName, p.path(),
                p.string("listen").orElseThrow(), p.string("type").map(t -> SocketType.valueOf(t.toUpperCase(java.util.Locale.ROOT)))
                        .orElse(SocketType.STREAM), p.string("description"), probe(p))));
        Object containerSandbox = c.map().get("sandbox");
        List<Service> services = new ArrayList<>();
        m.entries().get("services").forEach((serviceName, s) ->
                services.add(ServiceBinder.bind(serviceName, s, containerSandbox)));
        Obj boot = m.obj("boot");
        Optional<Guest> guest = c.has("guest") ? Optional.of(new Guest(m.obj("guest").string("os"), m.obj("guest").string("release"),
                m.obj("guest").strings("packages")))
                : Optional.empty();
        return new Container(name, own.path(), m.origins(), c.string("description"), root, guest, boot.strings("args"),
                c.string("journal"), c.string("kill-mode"),
                OptionBinder.bind(c, Place.CONTAINER, key -> m.origins().getOrDefault(key, own.path()) + "/" + key), ExecBinder.bind(c, m.origins()),
                LimitsBinder.bind(m.obj("limits"), c.has("limits")), hostSocket(m.obj("socket")), runtime(c, m), ports,
                services, DropInBinder.bind(m.entries().get("drop-ins")), c.strings("mask"), SettingsBinder.bind(m.obj("settings")));
    }

    private static Optional<PortProbe> probe(Obj port) {
        if (!port.has("probe")) {
            return Optional.empty();
        }
        Obj p = port.obj("probe");
        return Optional.of(new PortProbe(p.path(), p.bool("connect"), p.string("banner"), p.string("http"),
                p.has("status") ? Optional.of((int) p.number("status").getAsLong()) : Optional.empty(), p.string("timeout")));
    }

    private static Runtime runtime(Obj c, ConfigBinder.Merged m) {
        Obj limit = m.obj("start-limit");
        Runtime.StartLimit startLimit = c.has("start-limit")
                ? new Runtime.StartLimit(limit.string("interval").orElse(Runtime.StartLimit.DEFAULT.interval()),
                        limit.number("burst").orElse(Runtime.StartLimit.DEFAULT.burst()), true)
                : Runtime.StartLimit.DEFAULT;
        List<Runtime.Bind> binds = new ArrayList<>();
        Object raw = c.map().get("binds");
        if (raw instanceof List<?> list) {
            for (Object item : list) {
                Obj b = Obj.of(item, "");
                String from = b.string("from").orElseThrow();
                binds.add(new Runtime.Bind(from, b.string("to").orElse(from), b.bool("read-only").orElse(false)));
            }
        }
        return new Runtime(
                Runtime.Form.valueOf(c.string("form").orElse("book").replace('-', '_').toUpperCase(java.util.Locale.ROOT)),
                Runtime.Network.valueOf(c.string("network").orElse("host").toUpperCase(java.util.Locale.ROOT)),
                c.string("idle-stop"), startLimit, binds, c.bool("private-users").orElse(false), c.strings("drop-capabilities"));
    }

    private static HostSocket hostSocket(Obj s) {
        return new HostSocket(s.path(), s.string("description"), OptionBinder.bind(s, Place.HOST_SOCKET));
    }
}
