package dev.berth.apply;

import dev.berth.diag.Diagnostic;
import dev.berth.diag.JsonText;
import dev.berth.plan.Plan;
import dev.berth.plan.PlanJsonView;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;

/**
 * What {@code apply} and {@code destroy} print with {@code --format json} (docs/plan-json.md): the plan and how
 * its apply ended, {@code null} when nothing ran.
 * <pre>
 * {"format_version": 1, "plan": {…the plan…},
 *  "outcome": {"status": "applied", …} | null}
 * </pre>
 * A probed apply adds its probes and rollback after the outcome (docs/apply.md).
 */
public final class ApplyJsonView {
    public static final int FORMAT_VERSION = 1;

    private ApplyJsonView() {
    }

    /** The document, without a final newline. */
    public static String render(Plan plan, List<Diagnostic> earlier, Optional<Outcome> outcome) {
        return render(plan, earlier, outcome, json -> { });
    }

    /** As {@link #render(Plan, List, Optional)}, with more properties after the outcome (a probed apply's). */
    public static String render(Plan plan, List<Diagnostic> earlier, Optional<Outcome> outcome, JsonText.Body more) {
        return JsonText.write(json -> {
            JsonGenerator g = json.generator();
            g.writeStartObject();
            g.writeNumberProperty("format_version", FORMAT_VERSION);
            writePlanAndOutcome(json, plan, earlier, outcome);
            more.write(json);
            g.writeEndObject();
        });
    }

    /** The {@code plan} and {@code outcome} properties of an open object. */
    public static void writePlanAndOutcome(JsonText json, Plan plan, List<Diagnostic> earlier, Optional<Outcome> outcome) {
        JsonGenerator g = json.generator();
        g.writeName("plan");
        new PlanJsonView().write(json, plan, earlier);
        json.newline(1);
        g.writeName("outcome");
        outcome.ifPresentOrElse(o -> new OutcomeJsonView().write(g, o), g::writeNull);
    }
}
