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
 */
public final class ApplyJsonView {
    public static final int FORMAT_VERSION = 1;

    private ApplyJsonView() {
    }

    /** The document, without a final newline. */
    public static String render(Plan plan, List<Diagnostic> earlier, Optional<Outcome> outcome) {
        return JsonText.write(json -> {
            JsonGenerator g = json.generator();
            g.writeStartObject();
            g.writeNumberProperty("format_version", FORMAT_VERSION);
            g.writeName("plan");
            new PlanJsonView().write(json, plan, earlier);
            json.newline(1);
            g.writeName("outcome");
            outcome.ifPresentOrElse(o -> new OutcomeJsonView().write(g, o), g::writeNull);
            g.writeEndObject();
        });
    }
}
