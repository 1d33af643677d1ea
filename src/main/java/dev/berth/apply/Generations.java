package dev.berth.apply;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.JsonText;
import dev.berth.plan.AppliedConfig;
import dev.berth.plan.Change;
import dev.berth.plan.FileState;
import dev.berth.plan.Manifest;
import dev.berth.plan.Plan;
import dev.berth.plan.RootReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.core.JsonGenerator;

/**
 * The generations of a root: each apply that changes files is one, numbered from 1, recorded in {@value #RECORD}
 * with its time, config, summary and manifest, and keeps what it replaced or removed under
 * {@code var/lib/berth/generations/N/}, one file per content, named by its SHA-256. The content of any kept
 * generation's files is then on disk: at its path while no later apply replaced it, else kept by the apply that did.
 *
 * <p>Crash safety: the replaced contents are kept before the first file changes, the record is written (in one
 * rename) only once the apply succeeded. An apply cut off leaves kept contents without a record; the next apply
 * takes the same number and adds to them, so nothing a kept generation needs is lost. What the record no longer
 * lists is removed after it, by every apply ({@link GenerationDirectories}).
 */
public final class Generations {
    public static final String DIR = "var/lib/berth/generations";
    public static final String RECORD = "var/lib/berth/generations.json";
    public static final int KEEP_DEFAULT = 5;
    private static final int KEPT_MODE = 0600;

    private Generations() {
    }

    /**
     * The generations recorded under a root, oldest first, the last one perhaps pending; empty when there are none.
     *
     * @throws IOException when the record cannot be read or is not as berth writes it
     */
    public static List<Generation> list(RootReader files) throws IOException {
        Optional<byte[]> json = files.readBytes(RECORD, Manifest.MAX_BYTES);
        if (json.isEmpty()) {
            return List.of();
        }
        return GenerationsReader.read(json.get());
    }

    /**
     * Carries out {@code apply} as a generation: keeps what the plan replaces or removes first, noting the generation
     * as pending, and records it once its files are all changed (also when a system action after them failed: the files
     * are the generation's). A plan that changes no file is no generation, but completes one an apply that was cut off
     * left pending: the root then holds what that apply planned.
     */
    public static Outcome applyKeeping(Plan plan, RootFileSystem files, int keep, Supplier<Outcome> apply) {
        Outcome.Step keeping = new Outcome.Step(Outcome.Stage.FILES, "keep what is replaced in " + DIR);
        List<Generation> all;
        try {
            all = list(files);
        } catch (IOException e) {
            return new Outcome(List.of(), Optional.of(failure(keeping, e)), List.of());
        }
        Optional<Generation> pending = all.isEmpty() || all.get(all.size() - 1).complete() ? Optional.empty()
                : Optional.of(all.get(all.size() - 1));
        if (plan.changes().isEmpty() && pending.isEmpty()) {
            return pruned(apply.get(), all, files); // what an earlier apply cut off while removing left
        }
        int number = pending.map(Generation::number).orElse(next(all));
        Set<String> kept = new LinkedHashSet<>(pending.map(Generation::kept).orElse(List.of()));
        try {
            kept.addAll(keepReplaced(plan, number, files));
            record(plan, number, List.copyOf(kept), false, Instant.now(), Integer.MAX_VALUE, files);
        } catch (IOException e) {
            return new Outcome(List.of(), Optional.of(failure(keeping, e)), List.of());
        }
        Outcome outcome = apply.get();
        if (!outcome.ok() && outcome.failure().get().step().stage() != Outcome.Stage.AFTER_FILES) {
            return outcome; // the generation stays pending: the next apply takes its number and its kept contents
        }
        List<Generation> recorded;
        try {
            recorded = record(plan, number, List.copyOf(kept), true, Instant.now(), keep, files);
        } catch (IOException e) {
            if (outcome.ok()) {
                Outcome.Step recording = new Outcome.Step(Outcome.Stage.FILES, "record " + RECORD);
                return new Outcome(outcome.done(), Optional.of(failure(recording, e)), List.of());
            }
            return outcome;
        }
        return pruned(outcome, recorded, files);
    }

    /**
     * The outcome, once the contents and directories of generations no longer recorded are removed; a failure to remove
     * them is the outcome's when it has none of its own.
     */
    private static Outcome pruned(Outcome outcome, List<Generation> recorded, RootFileSystem files) {
        try {
            GenerationDirectories.prune(recorded, files);
        } catch (IOException e) {
            if (outcome.ok()) {
                Outcome.Step pruning = new Outcome.Step(Outcome.Stage.FILES, "remove what " + DIR + " keeps of no recorded generation");
                return new Outcome(outcome.done(), Optional.of(failure(pruning, e)), List.of());
            }
        }
        return outcome;
    }

    private static Outcome.Failure failure(Outcome.Step step, IOException e) {
        return new Outcome.Failure(step, Diagnostic.error(Code.A009, "", step.label() + ": " + e.getMessage(),
                "this step changes no installed file; apply again once the cause is fixed (a record that is not as berth "
                        + "writes it can be moved away: the generations it lists are then forgotten)"), "");
    }

    /** The generations an apply completed, oldest first: what is listed and returned to. */
    public static List<Generation> complete(RootReader files) throws IOException {
        return list(files).stream().filter(Generation::complete).toList();
    }

    /** The number the next apply gets: one past the last recorded. */
    public static int next(List<Generation> recorded) {
        return recorded.isEmpty() ? 1 : recorded.get(recorded.size() - 1).number() + 1;
    }

    /** Where generation {@code number} keeps the content whose hash is {@code sha256}. */
    public static String kept(int number, String sha256) {
        return DIR + "/" + number + "/" + sha256;
    }

    /**
     * Keeps, as generation {@code number}, what the plan replaces or removes: before any file changes.
     *
     * @return the hashes of the contents kept
     */
    public static List<String> keepReplaced(Plan plan, int number, RootFileSystem files) throws IOException {
        Set<String> kept = new LinkedHashSet<>();
        for (Change change : plan.changes()) {
            if (change.before().orElse(null) instanceof FileState.Regular old && !kept.contains(old.sha256())) {
                Optional<byte[]> bytes = old.text().map(t -> t.getBytes(StandardCharsets.UTF_8));
                if (bytes.isEmpty()) {
                    bytes = files.readBytes(change.path(), Manifest.MAX_BYTES);
                }
                if (bytes.isPresent()) { // a file gone since the plan is not kept: apply stops at it (A010)
                    files.writeFile(kept(number, old.sha256()), bytes.get(), KEPT_MODE);
                    kept.add(old.sha256());
                }
            }
        }
        files.sync();
        return List.copyOf(kept);
    }

    /**
     * Records generation {@code number}: pending before its files change, complete once they all did; and forgets all
     * but the last {@code keep} (their kept contents are removed after, {@link GenerationDirectories}).
     *
     * @return the generations recorded now, oldest first
     */
    static List<Generation> record(Plan plan, int number, List<String> kept, boolean complete, Instant time, int keep,
                                   RootFileSystem files) throws IOException {
        List<Generation> all = new ArrayList<>(list(files));
        all.removeIf(g -> g.number() >= number);
        Manifest manifest = new Manifest(plan.manifestAfter().files(), Map.of(), plan.manifestAfter().config());
        all.add(new Generation(number, time.truncatedTo(ChronoUnit.SECONDS).toString(),
                plan.manifestAfter().config().map(AppliedConfig::digest), plan.toAdd(), plan.toChange(), plan.toDestroy(),
                kept, manifest, complete));
        List<Generation> remaining = List.copyOf(all.subList(Math.max(0, all.size() - keep), all.size()));
        files.writeFile(RECORD, write(remaining).getBytes(StandardCharsets.UTF_8), 0644);
        files.sync();
        return remaining;
    }

    /**
     * One apply's result.
     *
     * @param time     when it finished, UTC, to the second
     * @param kept     the hashes of the contents it replaced or removed, kept under its directory
     * @param manifest what berth owned once it was applied (without stamps)
     * @param complete whether its apply changed all its files; a pending one is not listed nor returned to
     */
    public record Generation(int number, String time, Optional<String> config, long added, long changed,
                             long destroyed, List<String> kept, Manifest manifest, boolean complete) {
        public Generation {
            kept = List.copyOf(kept);
        }

        /** Its time, config identity and summary, as the record and {@code berth generations --format json} give them. */
        public void writeWhatItDid(JsonGenerator g) {
            g.writeStringProperty("time", time);
            g.writeName("config");
            if (config.isPresent()) {
                g.writeString(config.get());
            } else {
                g.writeNull();
            }
            g.writeObjectPropertyStart("summary");
            g.writeNumberProperty("add", added);
            g.writeNumberProperty("change", changed);
            g.writeNumberProperty("destroy", destroyed);
            g.writeEndObject();
        }
    }

    static String write(List<Generation> generations) {
        return JsonText.listFile("generations", generations, (g, generation) -> {
            g.writeStartObject();
            g.writeNumberProperty("number", generation.number());
            g.writeBooleanProperty("complete", generation.complete());
            generation.writeWhatItDid(g);
            g.writeArrayPropertyStart("kept");
            for (String sha : generation.kept()) {
                g.writeString(sha);
            }
            g.writeEndArray();
            g.writeStringProperty("manifest", generation.manifest().toJson());
            g.writeEndObject();
        });
    }
}
