package dev.berth.check;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.model.DropIn;
import dev.berth.unit.UnitName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Drop-ins: a real unit name, a file name systemd reads, and settings that fit the unit's type. */
final class DropInChecks {
    private static final Set<String> WITH_LIMITS = Set.of("service", "socket", "slice", "scope", "mount", "swap");

    private DropInChecks() {
    }

    static void check(List<DropIn> dropIns, int target, Diagnostics diagnostics) {
        for (DropIn d : dropIns) {
            String unitPath = d.path().substring(0, d.path().lastIndexOf('/'));
            Values.report(UnitName.dropInProblem(d.fileName()), d.path(), diagnostics);
            java.util.Optional<String> unitProblem = UnitName.fullNameProblem(d.unit());
            if (unitProblem.isPresent()) {
                // without a valid suffix the unit's type, and so what the drop-in may set, is unknown
                diagnostics.error(Code.N002, unitPath, "invalid unit name: " + unitProblem.get(),
                        "name the unit with its suffix, e.g. httpd.service");
                continue;
            }
            String type = d.unit().substring(d.unit().lastIndexOf('.') + 1);
            String typeSection = Character.toUpperCase(type.charAt(0)) + type.substring(1);
            boolean service = type.equals("service");
            if (d.limits().isPresent() && !WITH_LIMITS.contains(type)) {
                diagnostics.error(Code.L001, d.path() + "/limits", "a ." + type + " unit has no resource limits",
                        "put the limits on the service the ." + type + " starts");
            }
            List<String> serviceKeys = new ArrayList<>();
            d.options().values().forEach(o -> serviceKeys.add(o.option().key()));
            if (!d.exec().environment().isEmpty()) {
                serviceKeys.add("environment");
            }
            if (!d.exec().environmentFiles().isEmpty()) {
                serviceKeys.add("environment-files");
            }
            if (!service && !serviceKeys.isEmpty()) {
                diagnostics.error(Code.H002, d.path(), String.join(", ", serviceKeys) + (serviceKeys.size() == 1 ? " applies" : " apply")
                        + " to .service units only", "move " + (serviceKeys.size() == 1 ? "it" : "them") + " to a drop-in of the service");
            }
            OptionChecks.check(d.options(), diagnostics);
            d.limits().ifPresent(l -> LimitsChecks.check(l, diagnostics));
            ExecChecks.check(d.exec(), diagnostics);
            SettingsChecks.check(d.settings(), Set.of("Unit", "Install", typeSection), ModelledDirectives::forDropIn, target, diagnostics);
        }
    }
}
