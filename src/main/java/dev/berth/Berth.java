package dev.berth;

import dev.berth.check.Checker;
import dev.berth.diag.Diagnostics;
import dev.berth.diag.Position;
import dev.berth.load.Document;
import dev.berth.load.Source;
import dev.berth.load.YamlLoader;
import dev.berth.model.Config;
import dev.berth.model.ConfigBinder;
import dev.berth.plan.Desired;
import dev.berth.plan.GuestRoot;
import dev.berth.plan.Plan;
import dev.berth.plan.PlanOptions;
import dev.berth.plan.Planner;
import dev.berth.plan.Target;
import dev.berth.render.Renderer;
import dev.berth.schema.SchemaValidator;
import dev.berth.translate.GuestBootstrap;
import dev.berth.translate.Translator;
import dev.berth.tree.FileTree;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point to the pipeline. Each stage collects all its findings; the run stops between
 * stages once an error exists, and positions are attached once, at the end.
 */
public final class Berth {
    private Berth() {
    }

    /** load, schema, bind, check: everything {@code berth validate} does. */
    public static Result<Config> validate(Source source) {
        SchemaValidator.preload(); // built on another thread while this one parses the YAML
        Diagnostics diagnostics = new Diagnostics();
        Optional<Document> document = new YamlLoader().load(source, diagnostics);
        if (document.isEmpty()) {
            // the loader gives positions where the parser had a mark; limits and empty files start the file
            diagnostics.replaceAll(d -> d.position().isPresent() ? d : d.at(new Position(source.name(), 1, 1)));
            return Result.failed(diagnostics);
        }
        try {
            SchemaValidator.get().validate(document.get(), diagnostics);
            if (diagnostics.hasErrors()) {
                return Result.failed(diagnostics);
            }
            // binding reports unknown templates but still yields a whole config (the container without
            // its template), so the checks below can report everything else in the same run
            Config config = ConfigBinder.bind(document.get(), diagnostics);
            Checker.check(config, diagnostics);
            return diagnostics.hasErrors() ? Result.failed(diagnostics) : Result.of(config, diagnostics);
        } finally {
            Positions.attach(diagnostics, document.get());
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
                .map(c -> new GuestRoot(c.name(), c.root().substring(1), c.path() + "/root", GuestBootstrap.of(c)))
                .toList();
        return Result.of(new Desired(tree, guests), config.diagnostics());
    }

    /**
     * What applying the config would do to a root last applied from the very same config (its {@code digest}) and
     * left as it was: made from the root's manifest and the files' stamps, without compiling; empty when that
     * cannot be told, and then {@link #plan} of the compiled config says.
     */
    public static Optional<Plan> planIfUnchanged(String digest, Target target, PlanOptions options) {
        return new Planner(target, options).planIfUnchanged(digest);
    }

    /** What applying the compiled config to a root would do; the plan holds its own diagnostics. */
    public static Plan plan(Desired desired, Target target, PlanOptions options) {
        return new Planner(target, options).plan(desired);
    }
}

