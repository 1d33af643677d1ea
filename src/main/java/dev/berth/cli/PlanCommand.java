package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.load.Source;
import dev.berth.plan.Plan;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code berth plan FILE [--root DIR]}: what apply would do to that root. Reads only. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        header = "Show what berth apply would do to a root.",
        description = {"Show what berth apply would do to a root. Writes nothing.",
                "Files to create (+), change (~, with a unified diff) and remove (-), links and modes, then the "
                        + "systemctl actions on a live host, host facts and warnings."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:planned, with or without changes (--detailed-exitcode: no changes)",
                "1:invalid config, refused files or an unreadable root",
                "2:--detailed-exitcode only: changes present",
                "3:internal error in berth"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth plan berth.yaml", "  berth plan berth.yaml --root /var/lib/machines/image --format json",
                "  berth plan berth.yaml --detailed-exitcode --quiet; echo $?",
                "  berth plan berth.yaml -o web.plan && berth apply web.plan"})
final class PlanCommand implements Callable<Integer> {
    /** The exit status of --detailed-exitcode when apply would change something (terraform's convention). */
    static final int CHANGES_PRESENT = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    TargetOptions target;

    @Mixin
    InstallOptions install;

    @Parameters(index = "0", paramLabel = "FILE", description = "The berth.yaml to plan.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "PLANFILE", description = "Also save the plan into PLANFILE, "
            + "for berth show and berth apply PLANFILE (which applies exactly it, without compiling the config).")
    Path planFile;

    @Option(names = "--detailed-exitcode", description = "Exit 0 when there are no changes, 1 on error, 2 when there are changes.")
    boolean detailedExitcode;

    @Override
    public Integer call() {
        Installation installation = new Installation(spec, output, install.full, false);
        Optional<Source> source = installation.read(file);
        if (source.isEmpty()) {
            return 1;
        }
        Optional<Plan> unchanged = install.checksum ? Optional.empty()
                : installation.planIfUnchanged(source.get(), target.root, install.toPlanOptions());
        Plan plan;
        if (unchanged.isPresent()) {
            plan = unchanged.get();
        } else {
            Optional<Installation.Compiled> compiled = installation.compile(source.get(), target.root);
            if (compiled.isEmpty()) {
                return 1;
            }
            plan = Berth.plan(compiled.get().desired(), compiled.get().host().target(), install.toPlanOptions());
        }
        installation.showPlan(plan);
        if (!installation.acceptable(plan)) {
            return 1;
        }
        if (planFile != null && !new SavedPlanUse(installation).save(plan, planFile)) {
            return 1;
        }
        return detailedExitcode && plan.hasChanges() ? CHANGES_PRESENT : 0;
    }
}
