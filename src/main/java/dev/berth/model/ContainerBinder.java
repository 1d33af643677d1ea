package dev.berth.model;

import dev.berth.model.Port.SocketType;
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
                        .orElse(SocketType.STREAM), p.string("description"))));
        Object containerSandbox = c.map().get("sandbox");
        List<Service> services = new ArrayList<>();
        m.entries().get("services").forEach((serviceName, s) ->
                services.add(ServiceBinder.bind(serviceName, s, containerSandbox)));
        Obj boot = m.obj("boot");
        Optional<Guest> guest = c.has("guest") ? Optional.of(new Guest(m.obj("guest").string("os"), m.obj("guest").string("release"),
                m.obj("guest").strings("packages")))
                : Optional.empty();
        return new Container(name, own.path(), m.origins(), c.string("description"), root, guest, boot.strings("args"),
                c.string("journal"), c.string("kill-mode"), c.string("restart"), ExecBinder.bind(c, m.origins()),
                LimitsBinder.bind(m.obj("limits"), c.has("limits")), hostSocket(m.obj("socket")), ports, services,
                DropInBinder.bind(m.entries().get("drop-ins")), SettingsBinder.bind(m.obj("settings")));
    }

    private static HostSocket hostSocket(Obj s) {
        Obj trigger = s.obj("trigger-limit");
        return new HostSocket(s.path(), s.string("description"), s.number("backlog"), s.string("bind-ipv6-only"),
                s.bool("free-bind"), s.bool("reuse-port"), s.bool("keep-alive"), s.bool("no-delay"), s.string("socket-mode"),
                trigger.string("interval"), trigger.number("burst"));
    }
}
