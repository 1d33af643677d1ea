package dev.berth.translate;

import dev.berth.model.ExecSettings;
import dev.berth.unit.Encode;
import dev.berth.unit.UnitFile;

/** Environment= and EnvironmentFile= lines. */
final class ExecLines {
    private ExecLines() {
    }

    static void add(UnitFile.Builder unit, ExecSettings exec) {
        for (ExecSettings.EnvVar v : exec.environment()) {
            unit.add("Service", "Environment", Encode.environment(v.name(), v.value()));
        }
        for (ExecSettings.EnvFile f : exec.environmentFiles()) {
            unit.add("Service", "EnvironmentFile", (f.optional() ? "-" : "") + Encode.word(f.path()));
        }
    }
}
