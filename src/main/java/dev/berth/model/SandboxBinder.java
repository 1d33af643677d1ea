package dev.berth.model;

import java.util.Map;
import java.util.Optional;

/** Layers a {@code sandbox:} value over a sandbox: false clears it, true restores the defaults, a mapping overrides keys. */
final class SandboxBinder {
    private SandboxBinder() {
    }

    @SuppressWarnings("unchecked")
    static Sandbox overlay(Sandbox base, Object layer) {
        if (layer == null) {
            return base;
        }
        if (layer instanceof Boolean on) {
            return on ? Sandbox.DEFAULTS : Sandbox.NONE;
        }
        Obj o = new Obj((Map<String, Object>) layer, "");
        return new Sandbox(
                o.bool("private-tmp").or(base::privateTmp),
                o.has("protect-system") ? protect(o.map().get("protect-system")) : base.protectSystem(),
                o.has("protect-home") ? protect(o.map().get("protect-home")) : base.protectHome(),
                o.bool("no-new-privileges").or(base::noNewPrivileges),
                o.has("read-only-paths") ? o.strings("read-only-paths") : base.readOnlyPaths(),
                o.has("read-write-paths") ? o.strings("read-write-paths") : base.readWritePaths(),
                o.has("inaccessible-paths") ? o.strings("inaccessible-paths") : base.inaccessiblePaths());
    }

    /** true is systemd's "yes"; false means the setting is not written at all. */
    private static Optional<String> protect(Object value) {
        if (Boolean.FALSE.equals(value)) {
            return Optional.empty();
        }
        return Optional.of(Obj.scalar(value));
    }
}
