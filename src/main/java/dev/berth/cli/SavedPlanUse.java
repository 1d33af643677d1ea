package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.plan.Plan;
import dev.berth.plan.SavedPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What plan -o, show and apply do with a saved plan: write it, read it, apply it as it is or refuse it. */
final class SavedPlanUse {
    private final Installation installation;

    SavedPlanUse(Installation installation) {
        this.installation = installation;
    }

    /** Writes the plan into {@code file} ({@code berth plan -o}), replacing it whole; whether it was written. */
    boolean save(Plan plan, Path file) {
        Optional<SavedPlan> saved = Berth.save(plan);
        if (saved.isEmpty()) {
            installation.fail(Diagnostic.error(Code.A015, "", "cannot save the plan: this berth does not know its build (run from "
                    + "classes the build did not finish)", "save plans with an installed berth"));
            return false;
        }
        try {
            SavedPlans.write(saved.get(), file);
        } catch (IOException e) {
            installation.fail(Diagnostic.error(Code.A009, "", "cannot write the plan into " + file + ": " + e.getMessage(),
                    "-o names a file in an existing, writable directory"));
            return false;
        }
        installation.tell("berth: plan saved in " + file + "; berth apply " + file + " applies exactly it");
        return true;
    }

    /** The plan saved in {@code file}, or empty after reporting why it cannot be read. */
    Optional<SavedPlan> read(Path file) {
        try {
            return Optional.of(SavedPlans.read(file));
        } catch (IOException e) {
            installation.fail(Diagnostic.error(Code.A009, "", "cannot read the plan " + file + ": " + e.getMessage(), ""));
        } catch (SavedPlan.Invalid e) {
            installation.fail(Diagnostic.error(Code.A015, "", "cannot use " + file + " as a saved plan: " + e.getMessage(),
                    "save a plan with berth plan FILE -o PLANFILE"));
        }
        return Optional.empty();
    }

    /**
     * Applies a saved plan as it is, under the root's lock, after checking that it was made by this build for this
     * root and that every path it planned still holds what it saw; otherwise refuses, changing nothing.
     */
    int apply(SavedPlan saved, Path root, boolean progress) {
        Optional<Hosts.Host> host = installation.open(root);
        if (host.isEmpty()) {
            return 1;
        }
        List<Diagnostic> elsewhere = Berth.madeElsewhere(saved, host.get().target());
        if (!elsewhere.isEmpty()) {
            return refuse(elsewhere, root);
        }
        return installation.locked(host.get(), () -> {
            List<Diagnostic> changed = Berth.changedSince(saved, host.get().target());
            return changed.isEmpty() ? installation.applyChecked(host.get(), saved.plan(), progress) : refuse(changed, root);
        });
    }

    private int refuse(List<Diagnostic> refusals, Path root) {
        installation.report(refusals);
        installation.note("berth: the saved plan was not applied; nothing was changed under " + root);
        return 1;
    }
}
