package dev.berth.plan;

import java.util.List;

/** Paths below a root as berth writes them: relative, '/'-separated, no empty, '.' or '..' parts. */
public final class RootPaths {
    private RootPaths() {
    }

    public static boolean valid(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The components of a valid path. */
    public static List<String> parts(String path) {
        if (!valid(path)) {
            throw new IllegalArgumentException("not a normalized path below the root: " + path);
        }
        return List.of(path.split("/"));
    }

    /** Whether {@code path} is {@code dir} or lies below it. */
    public static boolean within(String path, String dir) {
        return path.equals(dir) || path.startsWith(dir + "/");
    }
}
