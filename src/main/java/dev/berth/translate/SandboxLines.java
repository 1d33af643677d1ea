package dev.berth.translate;

import dev.berth.model.Sandbox;
import dev.berth.unit.UnitFile;
import dev.berth.unit.Value;

/** systemd.exec sandboxing of a guest service. */
final class SandboxLines {
    private SandboxLines() {
    }

    static void add(UnitFile.Builder unit, Sandbox box) {
        box.privateTmp().ifPresent(on -> unit.add("Service", "PrivateTmp", Value.bool(on)));
        box.protectSystem().ifPresent(v -> unit.add("Service", "ProtectSystem", Value.word(v)));
        box.protectHome().ifPresent(v -> unit.add("Service", "ProtectHome", Value.word(v)));
        box.noNewPrivileges().ifPresent(on -> unit.add("Service", "NoNewPrivileges", Value.bool(on)));
        box.readOnlyPaths().forEach(p -> unit.add("Service", "ReadOnlyPaths", Value.word(p)));
        box.readWritePaths().forEach(p -> unit.add("Service", "ReadWritePaths", Value.word(p)));
        box.inaccessiblePaths().forEach(p -> unit.add("Service", "InaccessiblePaths", Value.word(p)));
    }
}
