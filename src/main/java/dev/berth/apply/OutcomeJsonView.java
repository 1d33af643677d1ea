package dev.berth.apply;

import dev.berth.diag.JsonText;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonGenerator;

/**
 * How an apply ended, for scripts (shape version 1, inside apply's JSON next to the plan, see {@link ApplyJsonView}):
 * <pre>
 * {"status": "applied" | "failed",
 *  "done": [{"stage": "files", "step": "+ etc/systemd/system/web.socket"}, …],
 *  "failed": {"stage": "after-files", "step": "systemctl start web.socket", "code": "A004", "summary": "…", "detail": "…",
 *             "units": [{"unit": "web.socket", "reached": false, "state": "failed (failed)"}, …]} | null,
 *  "not_run": [{"stage": …, "step": …}]}
 * </pre>
 */
public final class OutcomeJsonView {
    /** The outcome as one line, without a newline. */
    public String render(Outcome outcome) {
        return JsonText.write(json -> write(json.generator(), outcome));
    }

    void write(JsonGenerator g, Outcome outcome) {
        g.writeStartObject();
        g.writeStringProperty("status", outcome.ok() ? "applied" : "failed");
        steps(g, "done", outcome.done());
        g.writeName("failed");
        outcome.failure().ifPresentOrElse(f -> {
            g.writeStartObject();
            step(g, f.step());
            g.writeStringProperty("code", f.diagnostic().code().id());
            g.writeStringProperty("summary", f.diagnostic().summary());
            g.writeStringProperty("hint", f.diagnostic().hint());
            g.writeStringProperty("detail", f.detail());
            g.writeArrayPropertyStart("units");
            for (Outcome.UnitOutcome u : f.units()) {
                g.writeStartObject();
                g.writeStringProperty("unit", u.unit());
                g.writeBooleanProperty("reached", u.reached());
                g.writeStringProperty("state", u.state());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }, g::writeNull);
        steps(g, "not_run", outcome.notRun());
        g.writeEndObject();
    }

    private static void steps(JsonGenerator g, String name, List<Outcome.Step> steps) {
        g.writeArrayPropertyStart(name);
        for (Outcome.Step s : steps) {
            g.writeStartObject();
            step(g, s);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void step(JsonGenerator g, Outcome.Step s) {
        g.writeStringProperty("stage", s.stage().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        g.writeStringProperty("step", s.label());
    }
}
