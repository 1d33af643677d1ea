package dev.berth.apply;

import dev.berth.diag.Json;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an apply ended, for scripts (shape version 1, inside apply's JSON next to the plan):
 * <pre>
 * {"status": "applied" | "failed",
 *  "done": [{"stage": "files", "step": "+ etc/systemd/system/web.socket"}, …],
 *  "failed": {"stage": "after-files", "step": "systemctl start web.socket", "code": "A004", "summary": "…", "detail": "…"} | null,
 *  "not_run": [{"stage": …, "step": …}]}
 * </pre>
 */
public final class OutcomeJsonView {
    public String render(Outcome outcome) {
        String failed = outcome.failure().map(f -> "{" + step(f.step()) + ", \"code\": " + Json.quote(f.diagnostic().code().id())
                + ", \"summary\": " + Json.quote(f.diagnostic().summary()) + ", \"hint\": " + Json.quote(f.diagnostic().hint())
                + ", \"detail\": " + Json.quote(f.detail()) + "}").orElse("null");
        return "{\"status\": " + Json.quote(outcome.ok() ? "applied" : "failed")
                + ", \"done\": " + steps(outcome.done()) + ", \"failed\": " + failed + ", \"not_run\": " + steps(outcome.notRun()) + "}";
    }

    private static String steps(List<Outcome.Step> steps) {
        return steps.stream().map(s -> "{" + step(s) + "}").collect(Collectors.joining(", ", "[", "]"));
    }

    private static String step(Outcome.Step s) {
        return "\"stage\": " + Json.quote(s.stage().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                + ", \"step\": " + Json.quote(s.label());
    }
}
