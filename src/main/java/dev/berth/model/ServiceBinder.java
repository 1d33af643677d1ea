package dev.berth.model;

import dev.berth.option.Place;
import java.util.Map;

/** Binds one guest service, resolving its sandbox against the container's and the built-in defaults. */
final class ServiceBinder {
    private ServiceBinder() {
    }

    static Service bind(String name, Obj s, Object containerSandbox) {
        boolean perConnection = s.bool("per-connection").orElse(false);
        Obj socket = s.obj("socket");
        GuestSocket guestSocket = new GuestSocket(socket.path(), socket.string("description"),
                OptionBinder.bind(socket, Place.GUEST_SOCKET));
        // login-style per-connection services pass their sandbox on to the user's session: no defaults there
        Sandbox sandbox = perConnection ? Sandbox.NONE : Sandbox.DEFAULTS;
        sandbox = SandboxBinder.overlay(sandbox, containerSandbox);
        sandbox = SandboxBinder.overlay(sandbox, s.map().get("sandbox"));
        return new Service(name, s.path(), s.string("description"), s.strings("port"), perConnection,
                s.bool("socket-on-stdin").orElse(false), guestSocket,
                s.string("type"), s.strings("exec"), s.bool("ignore-failure").orElse(false), s.string("runtime-directory"),
                OptionBinder.bind(s, Place.SERVICE), ExecBinder.bind(s, Map.of()), LimitsBinder.bind(s.obj("limits"), s.has("limits")), sandbox,
                SettingsBinder.bind(s.obj("settings")));
    }
}
