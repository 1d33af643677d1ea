package dev.berth.check;

import dev.berth.diag.Diagnostics;
import dev.berth.model.ExecSettings;
import dev.berth.unit.ValueRules;

/** Environment variables and environment files. */
final class ExecChecks {
    private ExecChecks() {
    }

    static void check(ExecSettings exec, Diagnostics diagnostics) {
        for (ExecSettings.EnvVar v : exec.environment()) {
            Values.report(ValueRules.environmentName(v.name()), exec.path() + "/environment/" + v.name(), diagnostics);
            Values.report(ValueRules.environmentValue(v.value()), exec.path() + "/environment/" + v.name(), diagnostics);
        }
        for (int i = 0; i < exec.environmentFiles().size(); i++) {
            String parent = exec.path().endsWith("/environment") ? exec.path().substring(0, exec.path().length() - 12) : exec.path();
            PathChecks.safe(exec.environmentFiles().get(i).path(), parent + "/environment-files/" + i, diagnostics);
        }
    }
}
