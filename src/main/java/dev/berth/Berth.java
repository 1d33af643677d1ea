package dev.berth;

import dev.berth.apply.Applier;
import dev.berth.apply.CommandRunner;
import dev.berth.apply.GenerationTree;
import dev.berth.apply.Generations;
import dev.berth.apply.Outcome;
import dev.berth.apply.RootFileSystem;
import dev.berth.apply.Systemctl;
import dev.berth.check.Checker;
import dev.berth.diag.Diagnostics;
import dev.berth.diag.Position;
import dev.berth.load.Document;
import dev.berth.load.Imports;
import dev.berth.load.Source;
import dev.berth.load.YamlLoader;
import dev.berth.model.Config;
import dev.berth.model.ConfigBinder;
import dev.berth.model.Container;
import dev.berth.parallel.Parallel;
import dev.berth.plan.Desired;
import dev.berth.plan.GuestRoot;
import dev.berth.plan.HostProgram;
import dev.berth.plan.Plan;
import dev.berth.plan.PlanOptions;
import dev.berth.plan.Planner;
import dev.berth.plan.SavedPlan;
import dev.berth.plan.SavedPlanCheck;
import dev.berth.plan.Target;
import dev.berth.render.Renderer;
import dev.berth.schema.SchemaValidator;
import dev.berth.status.HostStatus;
import dev.berth.status.StatusReader;
import dev.berth.translate.GuestBootstrap;
import dev.berth.translate.Translator;
import dev.berth.tree.FileTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;

/**
 * The one entry point to the pipeline. Each stage collects all its findings; the run stops between
 * stages once an error exists, and positions are attached once, at the end.
 */
public final class Berth {
    /** Containers from which the schema's checks run beside binding. */

    private Berth() {
    }

    /** load, schema, bind, check: everything {@code berth validate} does. */
    public static Result<Config> validate(Source source) {
        SchemaValidator.preload(); // built on another thread while this one parses the YAML
        Diagnostics diagnostics = new Diagnostics();
        YamlLoader loader = new YamlLoader();
        Optional<Document> document = loader.load(source, diagnostics)
                .flatMap(loaded -> Imports.resolve(loaded, loader, Imports.FILES, diagnostics));
        if (document.isEmpty()) {
            // the loader gives positions where the parser had a mark; limits and empty files start the file
            diagnostics.replaceAll(d -> d.position().isPresent() ? d : d.at(new Position(source.name(), 1, 1)));
            return Result.failed(diagnostics);
        }
        try {
            Optional<Config> config = bindAndCheck(document.get(), SchemaValidator.get(), diagnostics);
            return config.isEmpty() || diagnostics.hasErrors() ? Result.failed(diagnostics) : Result.of(config.get(), diagnostics);
        } finally {
            Positions.attach(diagnostics, document.get());
        }
    }

    /**
     * The schema's checks beside binding and the checks that need the model, on two threads, with the result of
     * one after the other: the schema's findings, or when it found no error, the config and the later findings.
     * Binding needs nothing the schema adds, and a document the schema rejects is bound and checked for nothing:
     * the model's findings and any failure on such a document are dropped, since they may come from the form the
     * schema reports. Empty when the schema found an error.
     */
    private static Optional<Config> bindAndCheck(Document document, SchemaValidator schema, Diagnostics diagnostics) {
        // a small document is checked on this thread, first: handing it over would cost more than it saves
        Executor where = Parallel.pays(containers(document)) ? ForkJoinPool.commonPool() : Runnable::run;
        CompletableFuture<Diagnostics> schemaFindings = CompletableFuture.supplyAsync(() -> {
            Diagnostics found = new Diagnostics();
            schema.validate(document, found);
            return found;
        }, where);
        Diagnostics modelFindings = new Diagnostics();
        Config config = null;
        RuntimeException failure = null;
        try {
            // binding reports unknown templates but still yields a whole config (the container without
            // its template), so the checks below can report everything else in the same run
            config = ConfigBinder.bind(document, modelFindings);
            Checker.check(config, modelFindings);
        } catch (RuntimeException e) {
            failure = e;
        }
        diagnostics.addAll(join(schemaFindings));
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        if (failure != null) {
            throw failure; // on a document the schema accepts: a bug
        }
        diagnostics.addAll(modelFindings);
        return Optional.of(config);
    }

    private static int containers(Document document) {
        return document.root() instanceof Map<?, ?> root && root.get("containers") instanceof Map<?, ?> containers
                ? containers.size() : 0;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** validate, then translate and render: the complete output tree. */
    public static Result<FileTree> compile(Source source) {
        Renderer.preload();
        Result<Config> config = validate(source);
        if (!config.ok()) {
            return Result.failed(config.diagnostics());
        }
        FileTree tree = new Renderer().render(new Translator().translate(config.value().get()));
        return Result.of(tree, config.diagnostics());
    }

    /**
     * compile, written into a directory as it is made ({@code berth compile -o}): the entries of {@link #compile}'s
     * tree, without holding them all at once. {@code proceed} gets the findings once the config is checked, errors
     * included, and says whether to write; nothing is written when there are errors or it says no.
     *
     * @return how many entries were written, or failed when nothing was
     * @throws IOException when writing fails; what was written until then stays
     */
    public static Result<Long> compileInto(Source source, Path outDir, Predicate<Diagnostics> proceed) throws IOException {
        Renderer.preload();
        Result<Config> config = validate(source);
        if (!proceed.test(config.diagnostics()) || !config.ok()) {
            return Result.failed(config.diagnostics());
        }
        long written = DirectoryExport.write(config.value().get(), outDir);
        return Result.of(written, config.diagnostics());
    }

    /** validate and compile, with what installing needs besides the tree: the guest roots it writes into. */
    public static Result<Desired> desired(Source source) {
        Renderer.preload();
        Result<Config> config = validate(source);
        if (!config.ok()) {
            return Result.failed(config.diagnostics());
        }
        Config valid = config.value().get();
        FileTree tree = new Renderer().render(new Translator().translate(valid));
        List<GuestRoot> guests = valid.containers().stream()
                .map(c -> new GuestRoot(c.name(), c.root().substring(1), c.path() + "/root", GuestBootstrap.of(c),
                        hostPrograms(c)))
                .toList();
        return Result.of(new Desired(tree, guests), config.diagnostics());
    }

    /** What the container's host units run on the host, which plan checks the host for. */
    private static Set<HostProgram> hostPrograms(Container c) {
        Set<HostProgram> programs = EnumSet.of(HostProgram.NSPAWN);
        if (c.runtime().form() == dev.berth.model.Runtime.Form.NSPAWN_UNIT) {
            programs.add(HostProgram.NSPAWN_UNIT);
        }
        if (c.runtime().idleStop().isPresent()) {
            programs.add(HostProgram.SOCKET_PROXYD);
        }
        return programs;
    }

    /**
     * {@link #desired} for plan and apply: a config that compiled without any diagnostic carries its identity
     * ({@link ConfigIdentity}), which the manifest records when it is applied (see {@link #planIfUnchanged}).
     */
    public static Result<Desired> desiredToApply(Source source) {
        Result<Desired> result = desired(source);
        if (!result.ok() || !result.diagnostics().all().isEmpty()) {
            return result;
        }
        Desired desired = result.value().get();
        return Result.of(ConfigIdentity.of(source).map(desired::withDigest).orElse(desired), result.diagnostics());
    }

    /**
     * What applying the config would do to a root last applied from the very same config by this build of berth
     * and left as it was: made from the root's manifest and the files' stamps, without compiling; empty when that
     * cannot be told, and then {@link #plan} of the compiled config says.
     */
    public static Optional<Plan> planIfUnchanged(Source source, Target target, PlanOptions options) {
        return ConfigIdentity.of(source).flatMap(digest -> planIfUnchanged(digest, target, options));
    }

    /** As {@link #planIfUnchanged(Source, Target, PlanOptions)}, for the config's identity ({@code digest}). */
    public static Optional<Plan> planIfUnchanged(String digest, Target target, PlanOptions options) {
        return new Planner(target, options).planIfUnchanged(digest);
    }

    /** What applying the compiled config to a root would do; the plan holds its own diagnostics. */
    public static Plan plan(Desired desired, Target target, PlanOptions options) {
        return new Planner(target, options).plan(desired);
    }

    /** A plan to keep and apply later ({@code berth plan -o}), made by this build; empty when the build is unknown. */
    public static Optional<SavedPlan> save(Plan plan) {
        return ConfigIdentity.build().map(build -> new SavedPlan(plan, build));
    }

    /** Why a saved plan cannot be applied to this root: made by another build, or for another root. */
    public static List<dev.berth.diag.Diagnostic> madeElsewhere(SavedPlan saved, Target target) {
        return SavedPlanCheck.madeElsewhere(saved, ConfigIdentity.build(), target);
    }

    /**
     * The paths a saved plan planned that no longer hold what it saw, one error each: the plan is applied as it is,
     * without compiling, only when there are none.
     */
    public static List<dev.berth.diag.Diagnostic> changedSince(SavedPlan saved, Target target) {
        return SavedPlanCheck.changedSince(saved, target);
    }

    /**
     * For a plan with nothing to do: completes the generation an apply cut off after its last file left pending, since
     * the root holds what that apply planned. Writes nothing otherwise.
     */
    public static Outcome settleGenerations(Plan plan, RootFileSystem files, int keep) {
        return Generations.applyKeeping(plan, files, keep,
                () -> new Outcome(List.of(), Optional.empty(), List.of()));
    }

    /** The generations recorded under a root, oldest first (see {@link Generations}). */
    public static List<Generations.Generation> generations(Target target) throws IOException {
        return Generations.complete(target.files());
    }

    /**
     * What the root held as generation {@code number} (default: the one before the current), to plan and apply like
     * a compiled config: {@code berth rollback}.
     */
    public static Desired rollbackTo(Target target, Optional<Integer> number) throws IOException, GenerationTree.Missing {
        return GenerationTree.of(target.files(), number);
    }

    /** What removing everything berth installed in a root would do. */
    public static Plan planDestroy(Target target) {
        return new Planner(target, PlanOptions.DEFAULT).planDestroy();
    }

    /**
     * What runs of the config on a root and whether its files are as the last apply left them: a few queries to a live
     * host's systemd, the manifest and the files' metadata.
     */
    public static HostStatus status(Source source, Config config, Target target) {
        return new StatusReader(target).read(config, ConfigIdentity.of(source));
    }

    /**
     * Carries out a plan on the root it was made for, telling {@code progress} of each step; nothing is rolled back.
     * A plan that changes files is a generation (see {@link Generations}); the last {@value Generations#KEEP_DEFAULT}
     * are kept.
     */
    public static Outcome apply(Plan plan, RootFileSystem files, Systemctl systemctl, CommandRunner runner,
                                Applier.Progress progress) {
        return apply(plan, files, systemctl, runner, progress, Generations.KEEP_DEFAULT);
    }

    /** As {@link #apply(Plan, RootFileSystem, Systemctl, CommandRunner, Applier.Progress)}, keeping {@code keep} generations. */
    public static Outcome apply(Plan plan, RootFileSystem files, Systemctl systemctl, CommandRunner runner,
                                Applier.Progress progress, int keep) {
        return Generations.applyKeeping(plan, files, keep, () -> new Applier(files, systemctl, runner, progress).apply(plan));
    }
}
