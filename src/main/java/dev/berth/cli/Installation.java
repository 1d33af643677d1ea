package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.apply.ApplyJsonView;
import dev.berth.apply.LockHeldException;
import dev.berth.apply.Outcome;
import dev.berth.apply.OutcomeTextView;
import dev.berth.apply.RootFileSystem;
import dev.berth.apply.RootLock;
import dev.berth.apply.UnsafePathException;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.Diagnostics;
import dev.berth.diag.JsonText;
import dev.berth.load.Source;
import dev.berth.plan.Desired;
import dev.berth.plan.Plan;
import dev.berth.plan.PlanJsonView;
import dev.berth.plan.PlanOptions;
import dev.berth.plan.PlanTextView;
import dev.berth.probe.ProbeAnswer;
import dev.berth.probe.ProbeTextView;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What plan, apply and destroy share: compiling the config, opening the root, taking its lock, showing
 * plans and outcomes, reporting failures. The commands only decide the order and the exit status.
 */
final class Installation {
    private final OutputOptions output;
    private final Reporter reporter;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Environment environment;
    /**
     * Diagnostics found before the plan (config warnings) in a format that is data: JSON output carries them inside
     * the plan, github and sarif output prints them with the plan's, so that stdout holds one document.
     */
    private final List<Diagnostic> earlier = new ArrayList<>();
    private final PlanTextView planView;
    private final boolean destroying;
    private int keepGenerations = dev.berth.apply.Generations.KEEP_DEFAULT;
    /** What proves an apply answers, when the command probes. */
    private Optional<Probing> probing = Optional.empty();
    /** How the last {@link #applyAndReport} ended, when it carried a plan out. */
    private Optional<Outcome> lastOutcome = Optional.empty();
    /** Apply's JSON documents while probing holds them back. */
    private Optional<List<ApplyDocument>> held = Optional.empty();

    /**
     * @param fullNotes  whether the plan shows a new NOTES.md whole (--full)
     * @param destroying whether the plan is destroy's: it speaks of removing what berth installed
     */
    Installation(CommandSpec spec, OutputOptions output, boolean fullNotes, boolean destroying) {
        this.output = output;
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
        this.environment = Main.environment(spec);
        this.reporter = new Reporter(output, out, err);
        PlanTextView view = new PlanTextView(output.colorOut()).full(fullNotes);
        this.planView = destroying ? view.destroying() : view;
        this.destroying = destroying;
    }

    /** How many generations an apply keeps (--keep-generations). */
    Installation keepGenerations(int keep) {
        this.keepGenerations = keep;
        return this;
    }

    /**
     * Probes what an apply changed, as the options say (--probe and --rollback-on-failure).
     *
     * @param verb what the command does, as its probes are reported: apply or rollback
     */
    Installation probing(ProbeOptions options, Probing.PortProber prober, String verb) {
        this.probing = Optional.of(new Probing(this, options, prober, verb));
        return this;
    }

    /** Whether the last {@link #applyAndReport}, of this plan, changed files: they are all in place. */
    boolean changedFiles(Plan plan) {
        return !plan.changes().isEmpty() && lastOutcome.filter(o -> o.ok()
                || o.failure().get().step().stage() == Outcome.Stage.AFTER_FILES).isPresent();
    }

    /** Carries the plan out as {@link #applyAndReport} does, then probes what it changed when the command does. */
    int applyChecked(Hosts.Host host, Plan plan, boolean progress) {
        return probing.isPresent() ? probing.get().apply(host, plan, progress) : applyAndReport(host, plan, progress);
    }

    boolean json() {
        return output.format == OutputOptions.Format.json;
    }

    /**
     * Where the plan and the outcome go as text: stdout, unless the format puts diagnostics there as data (github,
     * sarif); then to stderr, so that stdout holds only the data.
     */
    PrintWriter prose() {
        return output.text() ? out : err;
    }

    /** A compiled config and the root it is to be installed into. */
    record Compiled(Desired desired, Hosts.Host host) {
    }

    /** The compiled config and the opened root, or empty after reporting why not (the config's faults first). */
    Optional<Compiled> compile(Source source, Path root) {
        return compile(source).flatMap(desired -> open(root).map(host -> new Compiled(desired, host)));
    }

    /** The config file's text, or empty after reporting why it cannot be read. */
    Optional<Source> read(Path file) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<Source> source = ConfigFile.read(file, diagnostics);
        if (source.isEmpty()) {
            reporter.report(diagnostics, source);
        }
        return source;
    }

    /**
     * The compiled config, or empty after reporting why not. A config that compiled without any diagnostic carries
     * its identity, which the manifest records when it is applied (see {@link #planIfUnchanged}).
     */
    Optional<Desired> compile(Source source) {
        Result<Desired> result = Berth.desiredToApply(source);
        if (!result.ok() || reporter.failed(result.diagnostics())) {
            reporter.report(result.diagnostics(), Optional.of(source));
            return Optional.empty();
        }
        if (output.text()) {
            reporter.report(result.diagnostics(), Optional.of(source));
        } else {
            earlier.addAll(result.diagnostics().all());
        }
        return result.value();
    }

    /**
     * The plan of a root last applied from exactly this config by this build of berth, made from the manifest and
     * the files' stamps without compiling (the plan compiling would give); empty when that cannot be told, or the
     * root cannot be opened (which the compiled path then reports).
     */
    Optional<Plan> planIfUnchanged(Source source, Path root, PlanOptions options) {
        return openQuietly(root).flatMap(host -> planIfUnchanged(source, host, options));
    }

    /** As {@link #planIfUnchanged(Source, Path, PlanOptions)}, for a root already open. */
    Optional<Plan> planIfUnchanged(Source source, Hosts.Host host, PlanOptions options) {
        return Berth.planIfUnchanged(source, host.target(), options);
    }

    /** The root, or empty without a word: for a first try whose failure the next try reports. */
    Optional<Hosts.Host> openQuietly(Path root) {
        try {
            return Optional.of(Hosts.factory.open(root));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Optional<Hosts.Host> open(Path root) {
        if (Files.notExists(root, LinkOption.NOFOLLOW_LINKS)) {
            fail(Diagnostic.error(Code.A009, "", "the root " + root + " does not exist",
                    "create it first: mkdir -p " + root + " (--root names an existing directory; the default is /, "
                            + "the running host)"));
            return Optional.empty();
        }
        try {
            return Optional.of(Hosts.factory.open(root));
        } catch (IOException e) {
            fail(Diagnostic.error(Code.A009, "", "cannot use " + root + " as the root: " + e.getMessage(),
                    "--root names an existing directory; the default is / (the running host)"));
            return Optional.empty();
        }
    }

    /**
     * Runs {@code work} holding the root's lock and returns what it returns (null included); a held lock or an unsafe
     * path to it is reported as exit 1.
     */
    Integer locked(Hosts.Host host, Supplier<Integer> work) {
        RootLock lock;
        try {
            lock = host.files().lock();
        } catch (LockHeldException e) {
            fail(Diagnostic.error(Code.A002, "", "another berth apply or destroy is working on " + host.target().root()
                    + ": " + e.getMessage(), "wait for it to finish; the lock is " + RootFileSystem.LOCK_PATH + " under the root"));
            return 1;
        } catch (UnsafePathException e) {
            fail(Diagnostic.error(Code.A003, "", "cannot take the lock " + RootFileSystem.LOCK_PATH + ": " + e.getMessage(), ""));
            return 1;
        } catch (IOException e) {
            fail(Diagnostic.error(Code.A009, "", "cannot take the lock " + RootFileSystem.LOCK_PATH + " under "
                    + host.target().root() + ": " + e.getMessage(), ""));
            return 1;
        }
        try (lock) {
            return work.get();
        }
    }

    /** Whether the plan may be carried out: no errors, and no warnings under --strict. */
    boolean acceptable(Plan plan) {
        Diagnostics diagnostics = new Diagnostics();
        plan.diagnostics().forEach(diagnostics::add);
        return !reporter.failed(diagnostics);
    }

    /**
     * Shows a plan: text to stdout (its errors to stderr instead); the JSON document; or github and sarif
     * diagnostics on stdout with the plan as text on stderr.
     */
    void showPlan(Plan plan) {
        if (json()) {
            out.print(new PlanJsonView().render(plan, earlier));
        } else {
            showText(plan);
        }
        out.flush();
    }

    /** The plan as text, and its diagnostics where the format puts them. */
    private void showText(Plan plan) {
        if (!output.text()) {
            report(plan.diagnostics());
        }
        if (plan.hasErrors()) {
            if (output.text()) {
                report(plan.diagnostics());
            }
            err.println("berth: nothing was installed under " + plan.root());
            err.flush();
            return;
        }
        if (!output.quiet) {
            prose().print(planView.render(plan));
        }
        if (!acceptable(plan)) {
            if (output.quiet && output.text()) {
                // the plan (which lists its warnings) is not shown: the warnings that fail the run are
                report(plan.diagnostics());
            }
            err.println("berth: warnings count as errors (--strict); nothing was installed under " + plan.root());
            err.flush();
        }
    }

    private static List<Diagnostic> concat(List<Diagnostic> a, List<Diagnostic> b) {
        List<Diagnostic> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Shows the plan, carries it out, shows the outcome; the exit status of apply and destroy.
     *
     * @param progress whether progress was asked for (--progress); a terminal shows it anyway
     */
    int applyAndReport(Hosts.Host host, Plan plan, boolean progress) {
        lastOutcome = Optional.empty();
        boolean applicable = !plan.hasErrors() && acceptable(plan);
        boolean nothingToDo = !plan.hasChanges() && !plan.manifestChanges();
        if (applicable && nothingToDo) {
            Berth.settleGenerations(plan, host.files(), keepGenerations); // a failure to record it is retried by the next apply
        }
        if (!applicable || nothingToDo) {
            if (json()) {
                printApplyJson(plan, Optional.empty());
            } else {
                showText(plan);
            }
            out.flush();
            return applicable ? 0 : 1;
        }
        if (!json() && !output.quiet) {
            prose().print(planView.render(plan));
            prose().flush();
        }
        ProgressView view = new ProgressView(err, ProgressView.mode(output, environment, progress));
        Outcome outcome = Berth.apply(plan, host.files(), host.systemctl(), host.runner(), view, keepGenerations);
        view.finish();
        lastOutcome = Optional.of(outcome);
        if (json()) {
            printApplyJson(plan, Optional.of(outcome));
        } else if (outcome.ok()) {
            if (!output.text()) {
                report(plan.diagnostics());
            }
            if (!output.quiet) {
                prose().println();
                prose().print(destroying ? new OutcomeTextView().destroyed(plan, outcome)
                        : new OutcomeTextView().success(plan, outcome));
            }
        } else {
            Diagnostic failure = outcome.failure().get().diagnostic();
            report(output.text() ? List.of(failure) : concat(plan.diagnostics(), List.of(failure)));
            err.print(new OutcomeTextView().failure(plan, outcome));
        }
        out.flush();
        err.flush();
        return outcome.ok() ? 0 : 1;
    }

    /** A line of berth's own about what it did, on stderr, in text output and unless --quiet. */
    void tell(String line) {
        if (output.text() && !output.quiet) {
            note(line);
        }
    }

    /** Probe results as text, where the plan went (JSON output adds them to apply's document instead). */
    void showProbes(String after, List<ProbeAnswer> answers) {
        if (!json() && (!output.quiet || answers.stream().anyMatch(a -> !a.record().ok()))) {
            prose().print(new ProbeTextView().render(after, answers));
            prose().flush();
        }
    }

    /** An apply's JSON document: the plan, the diagnostics before it and how its apply ended. */
    record ApplyDocument(Plan plan, List<Diagnostic> earlier, Optional<Outcome> outcome) {
    }

    /** From now on apply's JSON documents are held for {@link #heldJson}, not printed: probing adds to them. */
    void holdJson() {
        held = Optional.of(new ArrayList<>());
    }

    /** The documents held, in the order of the applies. */
    List<ApplyDocument> heldJson() {
        return held.map(List::copyOf).orElse(List.of());
    }

    /** Prints a document of apply's own with more properties after its outcome. */
    void printJson(ApplyDocument document, JsonText.Body more) {
        out.println(ApplyJsonView.render(document.plan(), document.earlier(), document.outcome(), more));
        out.flush();
    }

    private void printApplyJson(Plan plan, Optional<Outcome> outcome) {
        if (held.isPresent()) {
            held.get().add(new ApplyDocument(plan, List.copyOf(earlier), outcome));
        } else {
            out.println(ApplyJsonView.render(plan, earlier, outcome));
        }
    }

    /** A line of berth's own about what it does next, on stderr. */
    void note(String line) {
        err.println(line);
        err.flush();
    }

    void fail(Diagnostic diagnostic) {
        report(List.of(diagnostic));
    }

    /** Prints diagnostics, with those kept back from before the plan (formats that are data print one document). */
    void report(List<Diagnostic> found) {
        Diagnostics diagnostics = new Diagnostics();
        earlier.forEach(diagnostics::add);
        found.forEach(diagnostics::add);
        earlier.clear();
        reporter.report(diagnostics, Optional.empty());
    }
}
