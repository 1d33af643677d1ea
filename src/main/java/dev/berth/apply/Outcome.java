package dev.berth.apply;

import dev.berth.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What an apply did: the steps that ran, the one that failed (if any), and the ones that did not run.
 * Together they say what state the root is in after a failure; nothing is rolled back.
 */
public record Outcome(List<Step> done, Optional<Failure> failure, List<Step> notRun) {
    public Outcome {
        done = List.copyOf(done);
        notRun = List.copyOf(notRun);
    }

    /** When a step runs: system actions before the files, the files (and manifest), system actions after. */
    public enum Stage { BEFORE_FILES, FILES, AFTER_FILES }

    /** @param label what the step does, e.g. {@code + etc/systemd/system/web.socket} or {@code systemctl daemon-reload} */
    public record Step(Stage stage, String label) {
    }

    /**
     * @param detail more text for the report, e.g. {@code systemctl status} of the unit; may be empty
     * @param units  for a failed systemctl call on several units: where each unit stands now, asked of systemd
     *               after the failure, in the call's order; empty for any other step
     */
    public record Failure(Step step, Diagnostic diagnostic, String detail, List<UnitOutcome> units) {
        public Failure {
            units = List.copyOf(units);
        }

        public Failure(Step step, Diagnostic diagnostic, String detail) {
            this(step, diagnostic, detail, List.of());
        }
    }

    /**
     * One unit of a failed systemctl call.
     *
     * @param unit     its name
     * @param reached  whether it is where the call meant it to be: active after start or restart, not after stop
     * @param state    its ActiveState and SubState as systemd gave them, e.g. {@code failed (failed)}
     */
    public record UnitOutcome(String unit, boolean reached, String state) {
    }

    public boolean ok() {
        return failure.isEmpty();
    }

    static long count(Stage stage, List<Step> steps) {
        return steps.stream().filter(s -> s.stage() == stage).count();
    }
}
