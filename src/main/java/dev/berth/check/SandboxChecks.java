package dev.berth.check;

import dev.berth.diag.Diagnostics;
import dev.berth.model.Sandbox;
import dev.berth.model.Service;
import java.util.List;

/** Sandbox paths must be plain absolute paths. */
final class SandboxChecks {
    private SandboxChecks() {
    }

    static void check(Service s, Diagnostics diagnostics) {
        Sandbox box = s.sandbox();
        paths(box.readOnlyPaths(), s.path() + "/sandbox/read-only-paths", diagnostics);
        paths(box.readWritePaths(), s.path() + "/sandbox/read-write-paths", diagnostics);
        paths(box.inaccessiblePaths(), s.path() + "/sandbox/inaccessible-paths", diagnostics);
    }

    private static void paths(List<String> paths, String configPath, Diagnostics diagnostics) {
        for (int i = 0; i < paths.size(); i++) {
            PathChecks.safe(paths.get(i), configPath + "/" + i, diagnostics);
        }
    }
}
