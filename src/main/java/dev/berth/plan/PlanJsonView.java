package dev.berth.plan;

import dev.berth.diag.Diagnostic;
import dev.berth.diag.JsonPrinter;
import dev.berth.diag.JsonText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JsonGenerator;

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

    /** The plan, with diagnostics found before planning (config warnings) merged into its lists; one line at the end. */
    public String render(Plan plan, List<Diagnostic> earlier) {
        return JsonText.write(json -> write(json, plan, earlier)) + "\n";
    }

    /** The plan object, as a document of its own or as a value inside another ({@code apply}'s). */
    public void write(JsonText json, Plan plan, List<Diagnostic> earlier) {
        JsonGenerator g = json.generator();
        g.writeStartObject();
        g.writeNumberProperty("format_version", FORMAT_VERSION);
        json.newline(1);
        g.writeStringProperty("root", plan.root().toString());
        g.writeBooleanProperty("live", plan.live());
        json.newline(1);
        g.writeArrayPropertyStart("changes");
        Set<String> adopted = new HashSet<>(plan.adopted());
        for (Change c : plan.changes()) {
            json.newline(2);
            change(g, c, adopted.contains(c.path()));
        }
        if (!plan.changes().isEmpty()) {
            json.newline(1);
        }
        g.writeEndArray();
        json.newline(1);
        strings(g, "adopted", plan.adopted());
        json.newline(1);
        g.writeArrayPropertyStart("actions");
        for (SystemAction a : plan.actions()) {
            json.newline(2);
            g.writeStartObject();
            g.writeStringProperty("phase", a.phase() == SystemAction.Phase.BEFORE_FILES ? "before-files" : "after-files");
            g.writeStringProperty("kind", a.kind().name().toLowerCase(Locale.ROOT));
            strings(g, "command", a.command().argv());
            g.writeStringProperty("why", a.why());
            g.writeEndObject();
        }
        if (!plan.actions().isEmpty()) {
            json.newline(1);
        }
        g.writeEndArray();
        json.newline(1);
        strings(g, "action_notes", plan.actionNotes());
        json.newline(1);
        strings(g, "host", plan.hostFacts());
        List<Diagnostic> all = new ArrayList<>(earlier);
        all.addAll(plan.diagnostics());
        json.newline(1);
        diagnostics(json, "warnings", all.stream().filter(d -> !d.isError()).toList());
        json.newline(1);
        diagnostics(json, "errors", all.stream().filter(Diagnostic::isError).toList());
        json.newline(1);
        g.writeObjectPropertyStart("summary");
        g.writeNumberProperty("add", plan.toAdd());
        g.writeNumberProperty("change", plan.toChange());
        g.writeNumberProperty("destroy", plan.toDestroy());
        g.writeNumberProperty("actions", plan.actions().size());
        g.writeBooleanProperty("changes_present", plan.hasChanges());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void change(JsonGenerator g, Change c, boolean adopted) {
        g.writeStartObject();
        g.writeStringProperty("action", c.action().word());
        g.writeStringProperty("path", c.path());
        g.writeStringProperty("kind", c.kind());
        g.writeStringProperty("origin", c.origin());
        state(g, "before", c.before());
        state(g, "after", c.after());
        g.writeBooleanProperty("adopt", adopted);
        g.writeStringProperty("diff", diff(c).orElse(null));
        g.writeEndObject();
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

    private static void state(JsonGenerator g, String name, Optional<FileState> state) {
        g.writeName(name);
        if (state.isEmpty()) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        if (state.get() instanceof FileState.Regular r) {
            g.writeStringProperty("kind", "file");
            g.writeStringProperty("mode", FileState.octal(r.mode()));
            g.writeStringProperty("sha256", r.sha256());
        } else {
            g.writeStringProperty("kind", "symlink");
            g.writeStringProperty("target", ((FileState.Link) state.get()).target());
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> list) {
        g.writeArrayPropertyStart(name);
        for (String s : list) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    /** Diagnostics as in the diagnostics document, the first beside the name and each other on a line of its own. */
    private static void diagnostics(JsonText json, String name, List<Diagnostic> list) {
        json.generator().writeArrayPropertyStart(name);
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                json.newline(3);
            }
            JsonPrinter.object(json.generator(), list.get(i));
        }
        json.generator().writeEndArray();
    }
}
