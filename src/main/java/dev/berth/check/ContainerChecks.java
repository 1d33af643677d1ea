package dev.berth.check;

import dev.berth.check.suggest.PlainPath;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.unit.MachineName;
import dev.berth.unit.ValueRules;
import java.util.Set;
import java.util.TreeMap;

/** Container names, roots, and the plain values of the host units. */
final class ContainerChecks {
    private ContainerChecks() {
    }

    static void check(Config config, Diagnostics diagnostics) {
        TreeMap<String, Container> roots = new TreeMap<>();
        for (Container c : config.containers()) {
            MachineName.problem(c.name()).ifPresent(p -> diagnostics.error(Code.N001, c.path(),
                    "invalid container name: " + p, "use letters, digits and '-', e.g. '"
                            + c.name().replaceAll("[^A-Za-z0-9-]", "-").replaceAll("^-+|-+$", "") + "'"));
            checkRoot(c, diagnostics);
            c.description().ifPresent(d -> Values.report(ValueRules.plain(d), c.keyPath("description"), diagnostics));
            c.socket().description().ifPresent(d -> Values.report(ValueRules.plain(d), c.socket().path() + "/description", diagnostics));
            for (int i = 0; i < c.bootArgs().size(); i++) {
                Values.report(ValueRules.execArgument(c.bootArgs().get(i)), c.keyPath("boot") + "/args/" + i, diagnostics);
            }
            OptionChecks.check(c.options(), diagnostics);
            OptionChecks.check(c.socket().options(), diagnostics);
            ExecChecks.check(c.exec(), diagnostics);
            c.limits().ifPresent(l -> LimitsChecks.check(l, diagnostics));
            SettingsChecks.check(c.settings(), Set.of("Unit", "Service", "Install"), ModelledDirectives::forServiceWithOwnOutput, config.targetSystemd(), diagnostics);
            DropInChecks.check(c.dropIns(), config.targetSystemd(), diagnostics);
            Container previous = roots.put(c.root(), c);
            if (previous != null) {
                diagnostics.error(Code.N003, c.keyPath("root"), "container '" + c.name() + "' has the same root as '"
                        + previous.name() + "'", "give each container a directory of its own");
            }
        }
        // sorted roots: a root nested in another sorts right after it, so one pass finds every nesting
        String outer = null;
        for (var e : roots.entrySet()) {
            if (outer != null && e.getKey().startsWith(outer + "/")) {
                diagnostics.error(Code.N003, e.getValue().keyPath("root"), "the root " + e.getKey()
                        + " lies inside the root of container '" + roots.get(outer).name() + "'",
                        "guest roots must not contain each other; move it out of " + outer);
            } else {
                outer = e.getKey();
            }
        }
    }

    private static void checkRoot(Container c, Diagnostics diagnostics) {
        String root = c.root();
        String path = c.keyPath("root");
        if (!PathChecks.safe(root, path, PlainPath.meantRoot(root, c.name()), diagnostics)) {
            return;
        }
        if (PlainPath.systemDirectory(root)) {
            diagnostics.error(Code.F002, path, "the root '" + root + "' is a system directory",
                    "use a directory of its own, e.g. /srv/" + c.name() + " or /var/lib/machines/" + c.name());
        }
    }
}
