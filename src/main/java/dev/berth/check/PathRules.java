package dev.berth.check;

import dev.berth.check.suggest.PlainPath;

/** Paths in the config: absolute and normalized, so that what berth writes is what the user meant. */
final class PathRules {
    private PathRules() {
    }

    static boolean normalized(String path) {
        return PlainPath.normalized(path);
    }

    /** Characters a container root may hold: it appears bare in ExecStart= and in shell notes. */
    static boolean safeRoot(String path) {
        return PlainPath.plain(path);
    }
}
