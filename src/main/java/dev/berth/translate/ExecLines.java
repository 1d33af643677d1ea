package dev.berth.translate;

import dev.berth.model.ExecSettings;
import dev.berth.unit.UnitFile;
import dev.berth.unit.Value;

/** Environment= and EnvironmentFile= lines. */
final class ExecLines {
    private ExecLines() {
    }

    static void add(UnitFile.Builder unit, ExecSettings exec) {
        for (ExecSettings.EnvVar v : exec.environment()) {
            unit.add("Service", "Environment", Value.environment(v.name(), v.value()));
        }
        for (ExecSettings.EnvFile f : exec.environmentFiles()) {
            unit.add("Service", "EnvironmentFile", Value.environmentFile(f.path(), f.optional()));
        }
    }
}
