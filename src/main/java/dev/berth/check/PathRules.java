package dev.berth.check;

import java.util.regex.Pattern;

/** Paths in the config: absolute and normalized, so that what berth writes is what the user meant. */
final class PathRules {
    /** Characters a container root may hold: it appears bare in ExecStart= and in shell notes. */
    private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9._+-]+)+");

    private PathRules() {
    }

    static boolean normalized(String path) {
        if (!path.startsWith("/") || path.contains("//") || path.length() > 1 && path.endsWith("/")) {
            return false;
        }
        for (String part : path.substring(1).split("/")) {
            if (part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    static boolean safeRoot(String path) {
        return SAFE.matcher(path).matches();
    }
}
