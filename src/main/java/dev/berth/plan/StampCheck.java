package dev.berth.plan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a root still holds what its manifest says, told by the files' {@link Stamp}s: every listed path must have
 * its recorded stamp, and one written in the clock tick the manifest was written is read as well (see
 * {@link Stamp#settledBefore}). Any doubt is a no: the caller then compiles and reads every file.
 */
final class StampCheck {
    /** Parts a large root is split into: a few per thread, so that a mismatch found by one stops the others soon. */
    private static final int PARTS = 8;

    private StampCheck() {
    }

    /** @param written the manifest's own stamp: when it was written, by the root's file system clock */
    static boolean holds(RootReader files, Manifest manifest, Stamp written) {
        List<String> paths = new ArrayList<>(manifest.files().keySet());
        int parts = paths.size() >= RootRuns.PARALLEL_FROM ? PARTS : 1;
        int size = (paths.size() + parts - 1) / parts;
        return RootRuns.allMatch(files, parts, 2, part -> {
            List<String> some = paths.subList(Math.min(paths.size(), part * size), Math.min(paths.size(), (part + 1) * size));
            Stamp[] now;
            try {
                now = files.stamps(some);
            } catch (IOException e) {
                return false;
            }
            for (int i = 0; i < now.length; i++) {
                if (!holds(files, some.get(i), now[i], manifest, written)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static boolean holds(RootReader files, String path, Stamp now, Manifest manifest, Stamp written) {
        Optional<Stamp> recorded = manifest.stamp(path);
        if (recorded.isEmpty() || !recorded.get().equals(now)) {
            return false;
        }
        if (recorded.get().settledBefore(written)) {
            return true;
        }
        Object seen = Planner.Findings.read(files, path, null);
        return seen instanceof Observation.Present present && present.state().sameAs(manifest.files().get(path));
    }
}
