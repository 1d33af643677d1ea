package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.apply.ApplyJsonView;
import dev.berth.apply.GenerationTree;
import dev.berth.apply.Generations;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.JsonText;
import dev.berth.plan.Change;
import dev.berth.plan.Desired;
import dev.berth.plan.Manifest;
import dev.berth.plan.Plan;
import dev.berth.plan.PlanOptions;
import dev.berth.probe.DueProbes;
import dev.berth.probe.ProbeAnswer;
import dev.berth.probe.ProbeFile;
import dev.berth.probe.ProbeJsonView;
import dev.berth.probe.ProbeRecord;
import dev.berth.probe.ProbeRecords;
import dev.berth.probe.ProbeTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.core.JsonGenerator;

/**
 * Apply, then prove it answers: the probes of the containers the apply changed, each result reported with its time to
 * answer, a failure with the container's last journal lines; with --rollback-on-failure, a return to the generation
 * before and its probes. Runs under the root's lock, taken by the caller.
 */
final class Probing {
    private final Installation installation;
    private final ProbeOptions options;
    private final PortProber prober;
    private final String verb;

    /** Runs the probes of a batch of ports on a host, each result with its journal lines when it failed. */
    @FunctionalInterface
    interface PortProber {
        /** @param after what is probed: apply or rollback */
        List<ProbeAnswer> probe(List<ProbeTarget> targets, Hosts.Host host, String after);
    }

    /** @param verb what the command does, as its probes are reported: apply or rollback */
    Probing(Installation installation, ProbeOptions options, PortProber prober, String verb) {
        this.installation = installation;
        this.options = options;
        this.prober = prober;
        this.verb = verb;
    }

    /** Carries the plan out, probes what it changed and rolls back when asked; the exit status. */
    int apply(Hosts.Host host, Plan plan, boolean progress) {
        if (installation.json()) {
            installation.holdJson();
        }
        Run run = new Run();
        int status = run(host, plan, progress, run);
        if (installation.json()) {
            List<Installation.ApplyDocument> documents = installation.heldJson();
            installation.printJson(documents.get(0), json -> run.write(json, documents, verb));
        }
        return status;
    }

    /** What a probed apply did, for its JSON document. */
    private static final class Run {
        List<ProbeAnswer> probed = List.of();
        /** Whether the probes file could not be read (reported), so that nothing is known to answer. */
        boolean unreadable;
        OptionalInt rolledBackTo = OptionalInt.empty();
        List<ProbeAnswer> probedAfterRollback = List.of();

        /** The apply's probes and its rollback, after its outcome. */
        void write(JsonText json, List<Installation.ApplyDocument> documents, String verb) {
            if (!probed.isEmpty()) {
                ProbeJsonView.write(json, verb, probed);
            }
            if (rolledBackTo.isPresent() && documents.size() > 1) {
                JsonGenerator g = json.generator();
                json.newline(1);
                g.writeObjectPropertyStart("rollback");
                g.writeNumberProperty("generation", rolledBackTo.getAsInt());
                Installation.ApplyDocument rollback = documents.get(1);
                ApplyJsonView.writePlanAndOutcome(json, rollback.plan(), rollback.earlier(), rollback.outcome());
                if (!probedAfterRollback.isEmpty()) {
                    ProbeJsonView.write(json, "rollback", probedAfterRollback);
                }
                g.writeEndObject();
            }
        }
    }

    private int run(Hosts.Host host, Plan plan, boolean progress, Run run) {
        // the generation to return to is read before the apply makes a new one, and only when it may be needed
        OptionalInt before = options.rollbackOnFailure ? current(host) : OptionalInt.empty();
        int status = installation.applyAndReport(host, plan, progress);
        if (!installation.changedFiles(plan)) {
            return status; // nothing installed that could answer otherwise than before
        }
        if (options.wanted(host.target().live())) {
            run.probed = probe(host, plan, verb, run);
        }
        boolean answered = !run.unreadable && run.probed.stream().allMatch(a -> a.record().ok());
        if (status == 0 && answered) {
            return 0;
        }
        if (options.rollbackOnFailure) {
            rollBack(host, before, progress, run);
        }
        return 1;
    }

    /**
     * Probes the ports the plan changed, each answer in their order; none when none is due, or when the installed
     * probes cannot be read (reported, and noted in {@code run}: nothing is then known to answer).
     */
    private List<ProbeAnswer> probe(Hosts.Host host, Plan plan, String after, Run run) {
        List<ProbeTarget> due;
        try {
            Optional<byte[]> file = host.files().readBytes(ProbeFile.PATH, Manifest.MAX_BYTES);
            due = file.isEmpty() ? List.of()
                    : DueProbes.of(ProbeFile.read(file.get()), plan.changes().stream().map(Change::path).toList());
        } catch (IOException e) {
            installation.fail(Diagnostic.error(Code.A009, "", "cannot read the probes: " + e.getMessage(),
                    "apply the config again: it installs " + ProbeFile.PATH));
            run.unreadable = true;
            return List.of();
        }
        if (due.isEmpty()) {
            if (Boolean.TRUE.equals(options.probe)) {
                installation.note("berth: no probe is due after the " + after + ": no container it changed declares one");
            }
            return List.of();
        }
        List<ProbeAnswer> answers = prober.probe(due, host, after);
        installation.showProbes(after, answers);
        record(host, answers);
        if (!installation.json()) { // in JSON, each result says whether it answered
            for (ProbeAnswer a : answers) {
                if (!a.record().ok()) {
                    installation.fail(Diagnostic.error(Code.A017, "", a.record().container() + "/" + a.record().port()
                                    + " did not answer its probe on " + a.record().address() + ": " + a.record().detail(),
                            "rollback".equals(after) ? "the generation rolled back to does not answer either: see the "
                                    + "journal lines above, and berth generations for others to return to"
                                    : "the change is installed: fix the config and apply again, or berth rollback "
                                    + "(apply --rollback-on-failure does that at once)"));
                }
            }
        }
        return answers;
    }

    /** Keeps the results for berth status; a failure to is reported and changes nothing else. */
    private void record(Hosts.Host host, List<ProbeAnswer> answers) {
        try {
            Optional<byte[]> file = host.files().readBytes(ProbeRecords.PATH, Manifest.MAX_BYTES);
            List<ProbeRecord> kept = file.isPresent() ? ProbeRecords.read(file.get()) : List.of();
            List<ProbeRecord> merged = ProbeRecords.merge(kept, answers.stream().map(ProbeAnswer::record).toList());
            host.files().writeFile(ProbeRecords.PATH, ProbeRecords.write(merged).getBytes(StandardCharsets.UTF_8), 0644);
        } catch (IOException e) {
            // an unreadable record is replaced: it holds only the last results, which these are
            try {
                host.files().writeFile(ProbeRecords.PATH, ProbeRecords.write(answers.stream()
                        .map(ProbeAnswer::record).toList()).getBytes(StandardCharsets.UTF_8), 0644);
            } catch (IOException again) {
                installation.fail(Diagnostic.warning(Code.A009, "", "cannot keep the probe results in "
                        + ProbeRecords.PATH + ": " + again.getMessage(), "berth status will show older results"));
            }
        }
    }

    private void rollBack(Hosts.Host host, OptionalInt before, boolean progress, Run run) {
        if (before.isEmpty()) {
            installation.note("berth: nothing to roll back to: this apply made the root's first generation "
                    + "(berth destroy removes what it installed)");
            return;
        }
        Desired desired;
        try {
            desired = Berth.rollbackTo(host.target(), Optional.of(before.getAsInt()));
        } catch (GenerationTree.Missing | IOException e) {
            installation.fail(Diagnostic.error(Code.A016, "", "cannot roll back to generation " + before.getAsInt() + ": "
                    + e.getMessage(), "berth generations lists the generations kept"));
            return;
        }
        installation.note("berth: rolling back to generation " + before.getAsInt() + " (--rollback-on-failure)");
        Plan plan = Berth.plan(desired, host.target(), PlanOptions.DEFAULT);
        int status = installation.applyAndReport(host, plan, progress);
        run.rolledBackTo = before;
        if (options.wanted(host.target().live())) { // never below another root: nothing runs there
            run.probedAfterRollback = probe(host, plan, "rollback", run);
        }
        boolean answered = !run.unreadable && run.probedAfterRollback.stream().allMatch(a -> a.record().ok());
        installation.note(status == 0 && answered
                ? "berth: the change did not hold; rolled back to generation " + before.getAsInt() + ", which answers"
                : "berth: the change did not hold, and the rollback to generation " + before.getAsInt() + " did not either");
    }

    /** The number of the root's current generation, if it has one. */
    private static OptionalInt current(Hosts.Host host) {
        try {
            List<Generations.Generation> complete = Generations.complete(host.files());
            return complete.isEmpty() ? OptionalInt.empty() : OptionalInt.of(complete.get(complete.size() - 1).number());
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /** When a result is recorded: UTC, to the second. */
    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
