package dev.berth.check;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;

/** Paths that reach unit files (sandbox paths, environment files, working directories). */
final class PathChecks {
    private PathChecks() {
    }

    /** Absolute, normalized, and made of characters that need no quoting in any unit directive. */
    static void safe(String path, String configPath, Diagnostics diagnostics) {
        if (!PathRules.normalized(path)) {
            diagnostics.error(Code.F001, configPath, "'" + path + "' is not an absolute, normalized path",
                    "write it without '.', '..', '//' or a trailing '/'");
        } else if (!PathRules.safeRoot(path)) {
            diagnostics.error(Code.F001, configPath, "'" + path + "' holds characters other than letters, digits, '.', '_', '+', '-' and '/'",
                    "rename the directory or use a symlink with a plain name");
        }
    }
}
