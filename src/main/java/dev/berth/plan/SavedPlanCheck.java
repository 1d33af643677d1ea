package dev.berth.plan;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a {@link SavedPlan} may still be applied to a root: made by this build, for this root, and every path it
 * planned still holds what the plan saw (the manifest, each change's old state, each file left as it was). Reads only;
 * each finding is one error, so a refusal names every path that changed.
 */
public final class SavedPlanCheck {
    private SavedPlanCheck() {
    }

    /**
     * Whether the plan was made by this build for this root; told without reading the root.
     *
     * @param build this build's identity, empty when berth runs from classes the build did not finish
     * @return why the plan cannot be applied here; empty when it was made by this build for this root
     */
    public static List<Diagnostic> madeElsewhere(SavedPlan saved, Optional<String> build, Target target) {
        List<Diagnostic> found = new ArrayList<>();
        Plan plan = saved.plan();
        if (build.isEmpty() || !build.get().equals(saved.build())) {
            found.add(Diagnostic.error(Code.A015, "", "the plan was made by another build of berth ("
                    + shortly(saved.build()) + "; this one is " + build.map(SavedPlanCheck::shortly).orElse("unknown") + ")",
                    "make the plan again with this berth: berth plan FILE -o PLANFILE"));
        }
        if (!absolute(plan.root()).equals(absolute(target.root())) || plan.live() != target.live()) {
            found.add(Diagnostic.error(Code.A015, "", "the plan was made for the root " + plan.root() + ", not "
                    + target.root(), "apply it with --root " + plan.root() + ", or make a plan for " + target.root()));
        }
        return found;
    }

    /** The planned paths that no longer hold what the plan saw, one error each; empty when none changed. */
    public static List<Diagnostic> changedSince(SavedPlan saved, Target target) {
        return target.files().session(() -> changedPaths(saved.plan(), target.files()));
    }

    private static List<Diagnostic> changedPaths(Plan plan, RootReader files) {
        List<Diagnostic> found = new ArrayList<>();
        Optional<Manifest> manifest = manifest(files);
        if (manifest.isEmpty() || !manifest.get().files().equals(plan.manifestBefore().files())
                || !manifest.get().config().equals(plan.manifestBefore().config())) {
            found.add(stale(Manifest.PATH, "", "changed: another apply or destroy ran"));
        }
        Set<String> changing = new HashSet<>();
        for (Change change : plan.changes()) {
            changing.add(change.path());
            Optional<FileState> now = now(files, change.path());
            boolean holds = change.before().isEmpty() ? now.isEmpty()
                    : now.isPresent() && now.get().sameAs(change.before().get());
            if (!holds) {
                found.add(stale(change.path(), change.origin(), change.before().isEmpty() ? "exists now" : "changed"));
            }
        }
        for (Map.Entry<String, FileState> kept : plan.manifestAfter().files().entrySet()) {
            if (!changing.contains(kept.getKey())) {
                Optional<FileState> now = now(files, kept.getKey());
                if (now.isEmpty() || !now.get().sameAs(kept.getValue())) {
                    found.add(stale(kept.getKey(), "", now.isEmpty() ? "is gone" : "changed"));
                }
            }
        }
        return found;
    }

    private static Diagnostic stale(String path, String origin, String what) {
        return Diagnostic.error(Code.A010, origin, path + " " + what + " since the plan was made; nothing was applied",
                "make the plan again: berth plan FILE -o PLANFILE");
    }

    /** What the path holds now: empty when there is nothing, or something that is neither a file nor a link. */
    private static Optional<FileState> now(RootReader files, String path) {
        Object seen = Planner.Findings.read(files, path, null);
        return seen instanceof Observation.Present present ? Optional.of(present.state()) : Optional.empty();
    }

    private static Optional<Manifest> manifest(RootReader files) {
        try {
            Observation seen = files.look(Manifest.PATH);
            if (seen instanceof Observation.Absent) {
                return Optional.of(Manifest.empty());
            }
            Optional<byte[]> bytes = files.readBytes(Manifest.PATH, Manifest.MAX_BYTES);
            return bytes.isEmpty() ? Optional.of(Manifest.empty()) : Optional.of(Manifest.parse(bytes.get()));
        } catch (IOException | Manifest.Invalid e) {
            return Optional.empty();
        }
    }

    private static Path absolute(Path root) {
        return root.toAbsolutePath().normalize();
    }

    private static String shortly(String build) {
        return build.length() > 12 ? build.substring(0, 12) : build;
    }
}
