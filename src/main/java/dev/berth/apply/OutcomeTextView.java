package dev.berth.apply;

import dev.berth.plan.Plan;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How an apply ended, for people. After a failure it says what state the root is in: which steps ran,
 * which failed, which did not run, and how to finish. Files already written stay.
 */
public final class OutcomeTextView {
    private static final String INDENT = "    ";

    /** The last line of a successful apply. */
    public String success(Plan plan, Outcome outcome) {
        long actions = Outcome.count(Outcome.Stage.BEFORE_FILES, outcome.done()) + Outcome.count(Outcome.Stage.AFTER_FILES, outcome.done());
        String summary = plan.hasChanges()
                ? "Apply complete: " + plan.toAdd() + " added, " + plan.toChange() + " changed, " + plan.toDestroy() + " destroyed"
                : "Apply complete: no file changes";
        return summary + (actions == 0 ? "" : "; " + actions + (actions == 1 ? " system action" : " system actions"))
                + (plan.live() || actions > 0 ? "." : " (offline root: no systemctl).") + "\n";
    }

    /** The last line of a successful destroy: "Destroy complete: 8 files removed (offline root: no systemctl)." */
    public String destroyed(Plan plan, Outcome outcome) {
        long actions = Outcome.count(Outcome.Stage.BEFORE_FILES, outcome.done()) + Outcome.count(Outcome.Stage.AFTER_FILES, outcome.done());
        long removed = plan.toDestroy();
        return "Destroy complete: " + removed + (removed == 1 ? " file removed" : " files removed")
                + (actions == 0 ? "" : "; " + actions + (actions == 1 ? " system action" : " system actions"))
                + (plan.live() || actions > 0 ? "." : " (offline root: no systemctl).") + "\n";
    }

    /** The state report after a failure (the failure's diagnostic is printed by the caller). */
    public String failure(Plan plan, Outcome outcome) {
        Outcome.Failure failure = outcome.failure().orElseThrow();
        StringBuilder out = new StringBuilder();
        if (!failure.detail().isBlank()) {
            failure.detail().lines().forEach(l -> out.append(INDENT).append(l).append('\n'));
            out.append('\n');
        }
        out.append("State of ").append(plan.root()).append(" now:\n");
        long fileChanges = plan.changes().size();
        long filesDone = outcome.done().stream().filter(OutcomeTextView::isFileChange).count();
        switch (failure.step().stage()) {
            case BEFORE_FILES -> out.append("  files: none changed (the failure came first)\n");
            case FILES -> {
                out.append("  files: ").append(filesDone).append(" of ").append(fileChanges).append(" changes done; ")
                        .append(failure.step().label()).append(" failed. Each file is either as before or completely new, ")
                        .append("never partly written.\n");
                out.append("  manifest: lists every file berth wrote, so berth apply can finish the job and prune.\n");
            }
            case AFTER_FILES -> out.append("  files: all ").append(fileChanges).append(" changes are in place and stay "
                    + "(berth does not roll back).\n");
        }
        List<String> actionsDone = labels(outcome.done(), true);
        if (!actionsDone.isEmpty()) {
            out.append("  done: ").append(String.join("; ", actionsDone)).append('\n');
        }
        if (failure.step().stage() != Outcome.Stage.FILES) {
            out.append("  failed: ").append(failure.step().label()).append('\n');
        }
        if (failure.units().size() > 1) {
            // systemctl fails a call on many units for any one of them: what each of them is now
            List<String> reached = failure.units().stream().filter(Outcome.UnitOutcome::reached).map(Outcome.UnitOutcome::unit).toList();
            List<String> missed = failure.units().stream().filter(u -> !u.reached()).map(u -> u.unit() + " " + u.state()).toList();
            out.append("  in that call: ").append(reached.size()).append(" of ").append(failure.units().size())
                    .append(" units got there").append(reached.isEmpty() ? "" : " (" + abbreviated(reached) + ")")
                    .append(missed.isEmpty() ? "" : "; not: " + abbreviated(missed)).append('\n');
        }
        List<String> notRun = outcome.notRun().stream().map(Outcome.Step::label).toList();
        if (!notRun.isEmpty()) {
            // a large config can leave thousands of steps: the first few say enough, --format json has them all
            int shown = Math.min(notRun.size(), 8);
            out.append("  not run: ").append(String.join("; ", notRun.subList(0, shown)))
                    .append(notRun.size() > shown ? "; and " + (notRun.size() - shown) + " more" : "").append('\n');
        }
        out.append(switch (failure.step().stage()) {
            case BEFORE_FILES, FILES -> "To finish: fix the cause, then run berth apply again; it plans from what is on disk now.\n";
            case AFTER_FILES -> "To finish: fix the cause, then run the steps that did not run by hand. berth apply again "
                    + "starts berth's sockets that are not listening, but sees no file change to restart for.\n";
        });
        return out.toString();
    }

    private static String abbreviated(List<String> items) {
        int shown = Math.min(items.size(), 8);
        return String.join(", ", items.subList(0, shown)) + (items.size() > shown ? " and " + (items.size() - shown) + " more" : "");
    }

    /** A step that changes one planned path (the manifest's steps are bookkeeping): "+ path", "~ path", "- path". */
    private static boolean isFileChange(Outcome.Step step) {
        return step.stage() == Outcome.Stage.FILES && step.label().matches("[+~-] .*");
    }

    private static List<String> labels(List<Outcome.Step> steps, boolean systemOnly) {
        return steps.stream().filter(s -> !systemOnly || s.stage() != Outcome.Stage.FILES).map(Outcome.Step::label)
                .collect(Collectors.toList());
    }
}
