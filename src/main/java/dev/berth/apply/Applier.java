package dev.berth.apply;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.plan.Change;
import dev.berth.plan.FileState;
import dev.berth.plan.Manifest;
import dev.berth.plan.Stamp;
import dev.berth.plan.Observation;
import dev.berth.plan.Plan;
import dev.berth.plan.SystemAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Carries out exactly one {@link Plan}: the system actions that must come first (bootstrap, stopping
 * removed units), every file change in the plan's order, the manifest, then the actions that follow
 * (daemon-reload, start, restart). It never plans: before each file it checks that the path still holds
 * what the plan saw, and stops if not. It stops at the first failure and rolls nothing back; the
 * {@link Outcome} says what ran.
 *
 * <p>Crash consistency: the manifest on disk always lists every file berth may have written. Before the
 * first file changes, a manifest claiming every path the plan creates (and every file it takes over) is
 * written; files it updates are berth's already, files it removes stay listed until the end. Last, the
 * manifest of the planned tree replaces it. A run cut off anywhere leaves each file old or new (atomic
 * replacement) and a manifest that is a superset of what berth owns, so the next plan converges. Two
 * manifest writes per run, not one per file: each costs two fsyncs.
 */
public final class Applier {
    /** Told about each finished step, so a long apply shows its progress. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = step -> {
        };

        /** Called once, before the first step, with the number of steps the plan takes. */
        default void starting(int steps) {
        }

        void done(Outcome.Step step);
    }

    /** Failed units whose {@code systemctl status} the report shows: each is a process and a screenful. */
    private static final int STATUS_SHOWN = 3;
    private final RootFileSystem files;
    private final Systemctl systemctl;
    private final CommandRunner runner;
    private final Progress progress;

    public Applier(RootFileSystem files, Systemctl systemctl, CommandRunner runner, Progress progress) {
        this.files = files;
        this.systemctl = systemctl;
        this.runner = runner;
        this.progress = progress;
    }

    /** A failed step: what to report. */
    private static final class StepFailed extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Diagnostic diagnostic;
        final String detail;

        final transient List<Outcome.UnitOutcome> units;

        StepFailed(Diagnostic diagnostic, String detail) {
            this(diagnostic, detail, List.of());
        }

        StepFailed(Diagnostic diagnostic, String detail, List<Outcome.UnitOutcome> units) {
            super(diagnostic.summary());
            this.diagnostic = diagnostic;
            this.detail = detail;
            this.units = units;
        }
    }

    @FunctionalInterface
    private interface Operation {
        void run() throws StepFailed;
    }

    private record Planned(Outcome.Step step, Operation operation) {
    }

    public Outcome apply(Plan plan) {
        if (plan.hasErrors()) {
            throw new IllegalArgumentException("a plan with errors cannot be applied");
        }
        // the changes come in path order: a root on disk keeps the directories walked last open meanwhile
        return files.session(() -> carryOut(plan));
    }

    private Outcome carryOut(Plan plan) {
        List<Planned> steps = new ArrayList<>();
        for (SystemAction action : plan.actions(SystemAction.Phase.BEFORE_FILES)) {
            steps.add(new Planned(new Outcome.Step(Outcome.Stage.BEFORE_FILES, action.label()), () -> run(action)));
        }
        ManifestWriter manifest = new ManifestWriter(plan);
        if (manifest.claimsNewPaths()) {
            steps.add(new Planned(new Outcome.Step(Outcome.Stage.FILES, "claim the new paths in " + Manifest.PATH),
                    manifest::claim));
        }
        Ahead ahead = new Ahead(plan.changes());
        for (Change change : plan.changes()) {
            steps.add(new Planned(new Outcome.Step(Outcome.Stage.FILES, change.action().symbol() + " " + change.path()),
                    () -> change(change, ahead)));
        }
        if (plan.manifestChanges() || !plan.changes().isEmpty()) {
            steps.add(new Planned(new Outcome.Step(Outcome.Stage.FILES, "record " + Manifest.PATH), manifest::finish));
        }
        for (SystemAction action : plan.actions(SystemAction.Phase.AFTER_FILES)) {
            steps.add(new Planned(new Outcome.Step(Outcome.Stage.AFTER_FILES, action.label()), () -> run(action)));
        }

        List<Outcome.Step> done = new ArrayList<>();
        progress.starting(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Planned planned = steps.get(i);
            try {
                planned.operation().run();
            } catch (StepFailed e) {
                ahead.discard();
                List<Outcome.Step> notRun = steps.subList(i + 1, steps.size()).stream().map(Planned::step).toList();
                return new Outcome(done, Optional.of(new Outcome.Failure(planned.step(), e.diagnostic, e.detail, e.units)), notRun);
            }
            done.add(planned.step());
            progress.done(planned.step());
        }
        return new Outcome(done, Optional.empty(), List.of());
    }

    // ------------------------------------------------------------------ files

    private void change(Change change, Ahead ahead) throws StepFailed {
        String path = change.path();
        try {
            expect(change);
            if (change.after().isEmpty()) {
                files.delete(path);
            } else if (change.after().get() instanceof FileState.Regular) {
                RootFileSystem.Staging staging = ahead.take(change);
                if (staging.failure() != null) {
                    throw staging.failure();
                }
                files.install(staging.staged());
            } else {
                files.writeSymlink(path, ((FileState.Link) change.after().get()).target());
            }
        } catch (IOException e) {
            throw failure(change.origin(), path, e);
        }
    }

    /**
     * The plan's regular files, staged (written next to their paths and synced) a batch at a time when the first
     * of a batch is reached, so that a disk syncs them together; each is still installed by its own step, in
     * order, after that step checked its path. What a stopped run staged and did not install is discarded.
     */
    private final class Ahead {
        /** Files staged at once: enough for a disk to sync them together, few enough to hold open. */
        private static final int BATCH = 256;
        private final List<Change> writes;
        private final Map<String, RootFileSystem.Staging> staged = new HashMap<>();
        /** The first write not staged yet. */
        private int next;

        Ahead(List<Change> changes) {
            writes = changes.stream().filter(c -> c.after().orElse(null) instanceof FileState.Regular).toList();
        }

        RootFileSystem.Staging take(Change change) {
            RootFileSystem.Staging staging = staged.remove(change.path());
            if (staging == null) {
                List<Change> batch = writes.subList(next, Math.min(writes.size(), next + BATCH));
                if (batch.isEmpty() || batch.get(0) != change) {
                    throw new IllegalStateException("files are staged in the plan's order: " + change.path());
                }
                next += batch.size();
                List<RootFileSystem.Staging> result = files.stage(batch.stream()
                        .map(c -> {
                            FileState.Regular file = (FileState.Regular) c.after().get();
                            return new RootFileSystem.FileWrite(c.path(), file.bytes(), file.mode());
                        }).toList());
                for (int i = 0; i < result.size(); i++) {
                    staged.put(batch.get(i).path(), result.get(i));
                }
                staging = staged.remove(change.path());
            }
            return staging;
        }

        void discard() {
            staged.values().stream().filter(s -> s.staged() != null).forEach(s -> files.discard(s.staged()));
            staged.clear();
        }
    }

    /** The path must still hold what the plan saw; anything else means the plan is stale. */
    private void expect(Change change) throws IOException, StepFailed {
        Observation seen = files.look(change.path());
        boolean asPlanned = change.before().isEmpty() ? seen instanceof Observation.Absent
                : seen instanceof Observation.Present p && p.state().sameAs(change.before().get());
        if (!asPlanned) {
            throw new StepFailed(Diagnostic.error(Code.A010, change.origin(), change.path()
                    + " changed after the plan was made; apply stopped before touching it", "run berth apply again for a new plan"), "");
        }
    }

    private static StepFailed failure(String origin, String path, IOException e) {
        if (e instanceof UnsafePathException unsafe) {
            return new StepFailed(Diagnostic.error(unsafe.symlink() ? Code.A003 : Code.A007, origin, path + ": "
                    + unsafe.getMessage() + "; nothing was written there", ""), "");
        }
        return new StepFailed(Diagnostic.error(Code.A009, origin, path + ": " + describe(e), ""), "");
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The manifest on disk, kept a superset of what berth owns at every moment (see the class comment). */
    private final class ManifestWriter {
        private final Plan plan;
        private final Manifest claimed;

        ManifestWriter(Plan plan) {
            this.plan = plan;
            TreeMap<String, FileState> claim = new TreeMap<>(plan.manifestBefore().files());
            Set<String> adopted = new HashSet<>(plan.adopted());
            for (String path : plan.adopted()) {
                // what the file holds now: the manifest stays true to the disk until the change replaces it
                claim.put(path, plan.manifestAfter().get(path).orElseThrow());
            }
            for (Change change : plan.changes()) {
                if (change.before().isPresent() && adopted.contains(change.path())) {
                    claim.put(change.path(), change.before().get());
                } else if (change.before().isEmpty()) {
                    claim.put(change.path(), change.after().orElseThrow());
                }
            }
            this.claimed = new Manifest(claim);
        }

        boolean claimsNewPaths() {
            return !claimed.files().keySet().equals(plan.manifestBefore().files().keySet());
        }

        void claim() throws StepFailed {
            write(claimed);
        }

        void finish() throws StepFailed {
            try {
                files.sync(); // every change durable before the manifest says it is done
            } catch (IOException e) {
                throw failure("", Manifest.PATH, e);
            }
            if (plan.manifestAfter().isEmpty()) {
                try {
                    files.delete(Manifest.PATH); // destroy: berth owns nothing here any more
                    files.sync();
                } catch (IOException e) {
                    throw failure("", Manifest.PATH, e);
                }
            } else {
                write(plan.manifestAfter().withStamps(stampsOfWritten()));
            }
        }

        /**
         * The stamps of the files and links this run wrote, taken once they are in place (the plan took those
         * of the paths it found unchanged): the next plan of the same config checks them by stamp alone.
         */
        private Map<String, Stamp> stampsOfWritten() {
            Map<String, Stamp> stamps = new HashMap<>();
            for (Change change : plan.changes()) {
                if (change.after().isPresent()) {
                    try {
                        files.stamp(change.path()).ifPresent(stamp -> stamps.put(change.path(), stamp));
                    } catch (IOException e) {
                        // without a stamp the next plan reads the file: slower, never wrong
                    }
                }
            }
            return stamps;
        }

        private void write(Manifest manifest) throws StepFailed {
            try {
                files.writeFile(Manifest.PATH, manifest.toJson().getBytes(StandardCharsets.UTF_8), 0644);
                files.sync(); // durable before any file it claims is written, and before apply reports success
            } catch (IOException e) {
                throw failure("", Manifest.PATH, e);
            }
        }
    }

    // ------------------------------------------------------------------ system actions

    private void run(SystemAction action) throws StepFailed {
        if (action.kind() == SystemAction.Kind.BOOTSTRAP) {
            CommandResult result = runner.run(action.command().argv());
            if (!result.ok()) {
                throw new StepFailed(Diagnostic.error(Code.A012, "", action.command().shell() + " failed (exit "
                        + result.exitCode() + ")", "see its output below; the guest root may hold a partial system: "
                        + "remove it before trying again"), tail(result.output()));
            }
            return;
        }
        CommandResult result = systemctl.call(action.systemctlArgs());
        if (!result.ok()) {
            throw systemctlFailed(action, result);
        }
    }

    /**
     * A failed systemctl call, with where each of its units stands now: systemctl fails the whole call when any
     * job fails, while the others may have run. One query says which; {@code systemctl status} is shown for the
     * first few units that did not get there.
     */
    private StepFailed systemctlFailed(SystemAction action, CommandResult result) {
        List<String> units = action.units();
        String verb = action.systemctlArgs().get(0);
        boolean wantActive = !verb.equals("stop");
        List<Outcome.UnitOutcome> outcomes = new ArrayList<>();
        if (!units.isEmpty() && !verb.equals("daemon-reload")) {
            systemctl.units(units).forEach((unit, state) -> outcomes.add(new Outcome.UnitOutcome(unit,
                    state.active() == wantActive, state.activeState() + (state.subState().isEmpty() ? "" : " (" + state.subState() + ")"))));
        }
        List<String> missed = outcomes.isEmpty() ? units
                : outcomes.stream().filter(o -> !o.reached()).map(Outcome.UnitOutcome::unit).toList();
        StringBuilder status = new StringBuilder(tail(result.output()));
        for (String unit : missed.subList(0, Math.min(missed.size(), STATUS_SHOWN))) {
            status.append(status.length() == 0 ? "" : "\n").append("$ systemctl status ").append(unit).append('\n')
                    .append(systemctl.status(unit).stripTrailing());
        }
        if (missed.size() > STATUS_SHOWN) {
            status.append("\n(and ").append(missed.size() - STATUS_SHOWN).append(" more units not ")
                    .append(wantActive ? "active" : "stopped").append(": see the list below)");
        }
        String command = units.size() <= STATUS_SHOWN ? action.command().shell()
                : "systemctl " + verb + " (" + units.size() + " units)";
        String which = outcomes.isEmpty() || units.size() == 1 ? ""
                : ": " + (missed.isEmpty() ? "yet every unit is " + (wantActive ? "active" : "stopped") + " now"
                : missed.size() + " of " + units.size() + " not " + (wantActive ? "active" : "stopped") + " ("
                + String.join(", ", missed.subList(0, Math.min(missed.size(), STATUS_SHOWN)))
                + (missed.size() > STATUS_SHOWN ? ", …" : "") + ")");
        return new StepFailed(Diagnostic.error(Code.A004, "", command + " failed (exit " + result.exitCode() + ")" + which,
                "fix the cause (see the status below), then run the steps that did not run by hand, or berth apply "
                + "again: it starts berth's sockets that are not listening"),
                status.toString(), outcomes);
    }

    /** The last lines of a long output: where programs say why they failed. */
    private static String tail(String output) {
        List<String> lines = output.stripTrailing().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
