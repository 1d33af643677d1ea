package dev.berth.translate;

import dev.berth.model.Sandbox;
import dev.berth.unit.Encode;
import dev.berth.unit.UnitFile;

/** systemd.exec sandboxing of a guest service. */
final class SandboxLines {
    private SandboxLines() {
    }

    static void add(UnitFile.Builder unit, Sandbox box) {
        box.privateTmp().ifPresent(on -> unit.add("Service", "PrivateTmp", on ? "yes" : "no"));
        box.protectSystem().ifPresent(v -> unit.add("Service", "ProtectSystem", v));
        box.protectHome().ifPresent(v -> unit.add("Service", "ProtectHome", v));
        box.noNewPrivileges().ifPresent(on -> unit.add("Service", "NoNewPrivileges", on ? "yes" : "no"));
        box.readOnlyPaths().forEach(p -> unit.add("Service", "ReadOnlyPaths", Encode.word(p)));
        box.readWritePaths().forEach(p -> unit.add("Service", "ReadWritePaths", Encode.word(p)));
        box.inaccessiblePaths().forEach(p -> unit.add("Service", "InaccessiblePaths", Encode.word(p)));
    }
}
