package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.apply.GenerationTree;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.plan.Desired;
import dev.berth.plan.Plan;
import dev.berth.plan.PlanOptions;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth rollback [N] [--root DIR]}: returns the root's files to a generation, as a plan and an apply. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        header = "Return a root's files to an earlier generation.",
        description = {"Return a root's files to generation N (default: the one before the current), as berth apply "
                + "would install a config that compiles to them: the plan is shown, the same checks and systemctl "
                + "actions follow, and the rollback is a generation of its own, so it can be rolled back too.",
                "berth generations lists the generations kept."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:rolled back, or nothing to do (--detailed-exitcode: nothing to do)",
                "1:the generation is not kept, a refused plan, lock held, a failed step, or a port that did not answer its probe",
                "2:--detailed-exitcode only: rolled back, files or units changed",
                "3:internal error in berth"},
        footerHeading = "%nExamples:%n",
        footer = {"  sudo berth rollback", "  berth rollback 3 --root /var/lib/machines/image"})
final class RollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    TargetOptions target;

    @Mixin
    GenerationOptions generations;

    @Mixin
    ProbeOptions probes;

    @Parameters(index = "0", arity = "0..1", paramLabel = "N", description = "The generation to return to.")
    Integer number;

    @Option(names = "--progress", description = "Show each step on stderr as it finishes.")
    boolean progress;

    @Option(names = "--detailed-exitcode", description = "Exit 0 when there was nothing to do, 1 on error, 2 when the "
            + "rollback changed something.")
    boolean detailedExitcode;

    @Override
    public Integer call() {
        Installation installation = new Installation(spec, output, false, false).keepGenerations(generations.keep())
                .probing(probes, LiveProbes::probe, "rollback");
        Optional<Hosts.Host> host = installation.open(target.root);
        if (host.isEmpty()) {
            return 1;
        }
        String conflict = probes.conflict(host.get().target().live());
        if (conflict != null) {
            installation.note("berth: " + conflict + "; nothing was changed under " + target.root);
            return 1;
        }
        return installation.locked(host.get(), () -> {
            Desired desired;
            try {
                desired = Berth.rollbackTo(host.get().target(), Optional.ofNullable(number));
            } catch (GenerationTree.Missing e) {
                installation.fail(Diagnostic.error(Code.A016, "", "cannot roll back: " + e.getMessage(),
                        "berth generations lists the generations kept"));
                return 1;
            } catch (IOException e) {
                installation.fail(Diagnostic.error(Code.A009, "", "cannot roll back: " + e.getMessage(), ""));
                return 1;
            }
            Plan plan = Berth.plan(desired, host.get().target(), PlanOptions.DEFAULT);
            int status = installation.applyChecked(host.get(), plan, progress);
            return detailedExitcode && status == 0 && plan.hasChanges() ? PlanCommand.CHANGES_PRESENT : status;
        });
    }
}
