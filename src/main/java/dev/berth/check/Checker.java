package dev.berth.check;

import dev.berth.diag.Diagnostics;
import dev.berth.model.Config;

/**
 * Semantic rules the schema cannot express. Reports every problem it finds, with its config path;
 * never changes the config.
 */
public final class Checker {
    private Checker() {
    }

    public static void check(Config config, Diagnostics diagnostics) {
        ContainerChecks.check(config, diagnostics);
        PortChecks.check(config, diagnostics);
        ProbeChecks.check(config, diagnostics);
        ServiceChecks.check(config, diagnostics);
        DropInChecks.check(config.hostDropIns(), config.targetSystemd(), diagnostics);
        RuntimeChecks.check(config, diagnostics);
    }
}
