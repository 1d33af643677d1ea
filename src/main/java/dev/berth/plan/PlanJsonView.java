package dev.berth.plan;

import dev.berth.diag.Diagnostic;
import dev.berth.diag.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A plan for scripts. Shape version 1 (documented in docs/plan-json.md; fields are only ever added):
 * <pre>
 * {"format_version": 1,
 *  "root": "/", "live": true,
 *  "changes": [
 *    {"action": "create", "path": "etc/systemd/system/mycontainer.socket", "kind": "file", "origin": "/containers/mycontainer/ports",
 *     "before": null, "after": {"kind": "file", "mode": "0644", "sha256": "…"}, "adopt": false, "diff": "@@ -1,0 +1,11 @@\n+…"},
 *    {"action": "create", "path": "etc/systemd/system/sockets.target.wants/mycontainer.socket", "kind": "symlink", …,
 *     "after": {"kind": "symlink", "target": "../mycontainer.socket"}, "diff": null}],
 *  "actions": [{"phase": "after-files", "kind": "systemctl", "command": ["systemctl", "daemon-reload"], "why": "…"}],
 *  "action_notes": ["…"],
 *  "host": ["host: systemd 252"],
 *  "warnings": [{"severity": "warning", "code": "A005", "path": "/containers/mycontainer/root", "summary": "…", "hint": "…"}],
 *  "errors": [],
 *  "summary": {"add": 1, "change": 0, "destroy": 0, "actions": 1, "changes_present": true}}
 * </pre>
 */
public final class PlanJsonView {
    public static final int FORMAT_VERSION = 1;

    /** The plan, with diagnostics found before planning (config warnings) merged into its lists. */
    public String render(Plan plan, List<Diagnostic> earlier) {
        StringBuilder json = new StringBuilder();
        json.append("{\"format_version\": ").append(FORMAT_VERSION)
                .append(",\n \"root\": ").append(Json.quote(plan.root().toString()))
                .append(", \"live\": ").append(plan.live())
                .append(",\n \"changes\": [");
        String separator = "\n  ";
        Set<String> adopted = new HashSet<>(plan.adopted());
        for (Change c : plan.changes()) {
            json.append(separator).append(change(c, adopted.contains(c.path())));
            separator = ",\n  ";
        }
        json.append(plan.changes().isEmpty() ? "]" : "\n ]");
        json.append(",\n \"adopted\": ").append(strings(plan.adopted()));
        json.append(",\n \"actions\": [");
        separator = "\n  ";
        for (SystemAction a : plan.actions()) {
            json.append(separator).append("{\"phase\": ").append(Json.quote(a.phase() == SystemAction.Phase.BEFORE_FILES
                            ? "before-files" : "after-files"))
                    .append(", \"kind\": ").append(Json.quote(a.kind().name().toLowerCase(Locale.ROOT)))
                    .append(", \"command\": ").append(strings(a.command().argv()))
                    .append(", \"why\": ").append(Json.quote(a.why())).append('}');
            separator = ",\n  ";
        }
        json.append(plan.actions().isEmpty() ? "]" : "\n ]");
        json.append(",\n \"action_notes\": ").append(strings(plan.actionNotes()));
        json.append(",\n \"host\": ").append(strings(plan.hostFacts()));
        List<Diagnostic> all = new ArrayList<>(earlier);
        all.addAll(plan.diagnostics());
        json.append(",\n \"warnings\": ").append(diagnostics(all.stream().filter(d -> !d.isError()).toList()));
        json.append(",\n \"errors\": ").append(diagnostics(all.stream().filter(Diagnostic::isError).toList()));
        json.append(",\n \"summary\": {\"add\": ").append(plan.toAdd()).append(", \"change\": ").append(plan.toChange())
                .append(", \"destroy\": ").append(plan.toDestroy()).append(", \"actions\": ").append(plan.actions().size())
                .append(", \"changes_present\": ").append(plan.hasChanges()).append("}}\n");
        return json.toString();
    }

    private static String change(Change c, boolean adopted) {
        return "{\"action\": " + Json.quote(c.action().word()) + ", \"path\": " + Json.quote(c.path())
                + ", \"kind\": " + Json.quote(c.kind()) + ", \"origin\": " + Json.quote(c.origin())
                + ", \"before\": " + c.before().map(PlanJsonView::state).orElse("null")
                + ", \"after\": " + c.after().map(PlanJsonView::state).orElse("null")
                + ", \"adopt\": " + adopted + ", \"diff\": " + diff(c).map(Json::quote).orElse("null") + "}";
    }

    /**
     * The unified diff (hunks) of a change that writes text; a new file is a diff from nothing. Null for
     * links, deletions, mode-only changes, and files whose old content is not text.
     */
    static Optional<String> diff(Change c) {
        if (c.action() == Action.DELETE || c.modeOnly() || !(c.after().get() instanceof FileState.Regular after)) {
            return Optional.empty();
        }
        String before = "";
        if (c.action() == Action.UPDATE && c.before().get() instanceof FileState.Regular old) {
            if (old.text().isEmpty()) {
                return Optional.empty();
            }
            before = old.text().get();
        }
        return Optional.of(String.join("\n", TextDiff.hunks(before, after.text().orElse(""))) + "\n");
    }

    private static String state(FileState s) {
        if (s instanceof FileState.Regular r) {
            return "{\"kind\": \"file\", \"mode\": " + Json.quote(FileState.octal(r.mode())) + ", \"sha256\": "
                    + Json.quote(r.sha256()) + "}";
        }
        return "{\"kind\": \"symlink\", \"target\": " + Json.quote(((FileState.Link) s).target()) + "}";
    }

    private static String strings(List<String> list) {
        return list.stream().map(Json::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String diagnostics(List<Diagnostic> list) {
        return list.stream().map(d -> "{\"severity\": " + Json.quote(d.severity().label()) + ", \"code\": "
                + Json.quote(d.code().id()) + ", \"path\": " + Json.quote(d.path())
                + d.position().map(p -> ", \"file\": " + Json.quote(p.file()) + ", \"line\": " + p.line()
                        + ", \"column\": " + p.column()).orElse("")
                + ", \"summary\": " + Json.quote(d.summary()) + ", \"hint\": " + Json.quote(d.hint()) + "}")
                .collect(Collectors.joining(",\n   ", "[", "]"));
    }
}
