package dev.berth.probe;

import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/** The probes a change calls for: those of the containers whose files it changed. */
public final class DueProbes {
    private DueProbes() {
    }

    /**
     * The targets, in their order, whose container owns one of {@code changed} (paths below the root): a file in its
     * guest root, or one of its host units, drop-ins and links.
     */
    public static List<ProbeTarget> of(List<ProbeTarget> targets, Collection<String> changed) {
        NavigableSet<String> paths = new TreeSet<>(changed);
        // a guest root holds many files: one lookup of the first changed path at or after its directory
        return targets.stream().filter(t -> t.paths().stream().anyMatch(paths::contains) || paths.contains(t.guestRoot())
                || within(paths.ceiling(t.guestRoot() + "/"), t.guestRoot())).toList();
    }

    private static boolean within(String path, String dir) {
        return path != null && path.startsWith(dir + "/");
    }
}
