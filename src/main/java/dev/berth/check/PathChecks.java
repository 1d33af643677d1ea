package dev.berth.check;

import dev.berth.check.suggest.PlainPath;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;

/** Paths that reach unit files (roots, binds, sandbox paths, environment files, working directories). */
final class PathChecks {
    private PathChecks() {
    }

    /** Absolute, normalized, and made of characters that need no quoting in any unit directive. */
    static void safe(String path, String configPath, Diagnostics diagnostics) {
        safe(path, configPath, PlainPath.meant(path), diagnostics);
    }

    /**
     * @param meant the plain path to suggest instead
     * @return whether the path is safe
     */
    static boolean safe(String path, String configPath, String meant, Diagnostics diagnostics) {
        if (!PathRules.normalized(path)) {
            diagnostics.error(Code.F001, configPath, "'" + path + "' is not an absolute, normalized path",
                    "write it from '/' without '.', '..', '//' or a trailing '/': " + meant);
            return false;
        }
        var forbidden = PlainPath.firstForbidden(path);
        if (forbidden.isPresent()) {
            char c = forbidden.get();
            diagnostics.error(Code.F001, configPath, "'" + path + "' holds " + PlainPath.describe(c)
                            + ", which a path may not hold: " + PlainPath.whyForbidden(c),
                    "use a path of " + PlainPath.PLAIN_CHARACTERS + " (rename the directory or link it), e.g. " + meant);
            return false;
        }
        return true;
    }
}
