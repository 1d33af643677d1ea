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
        // by hand, not split: a large root's manifest and plan check a hundred thousand paths
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            int length = end - start;
            if (length == 0 || length <= 2 && path.charAt(start) == '.' && (length == 1 || path.charAt(start + 1) == '.')) {
                return false;
            }
            start = end + 1;
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
