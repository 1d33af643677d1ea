package dev.berth.plan;

import dev.berth.diag.Diagnostic;
import dev.berth.diag.JsonText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;

/** Writes a {@link SavedPlan} as JSON, one change, action or note a line. */
final class SavedPlanWriter {
    private SavedPlanWriter() {
    }

    static String write(SavedPlan saved) {
        Plan plan = saved.plan();
        int size = 4096 + plan.changes().stream().mapToInt(c -> 512 + c.after().map(SavedPlanWriter::length).orElse(0)
                + c.before().map(SavedPlanWriter::length).orElse(0)).sum();
        return JsonText.write(size, json -> write(json, saved)) + "\n";
    }

    private static int length(FileState state) {
        return state instanceof FileState.Regular r ? r.text().map(String::length).orElse(0) : 0;
    }

    private static void write(JsonText json, SavedPlan saved) {
        Plan plan = saved.plan();
        JsonGenerator g = json.generator();
        g.writeStartObject();
        json.newline(2);
        g.writeStringProperty("format", SavedPlan.FORMAT);
        json.newline(2);
        g.writeNumberProperty("format_version", SavedPlan.FORMAT_VERSION);
        json.newline(2);
        g.writeStringProperty("build", saved.build());
        json.newline(2);
        g.writeName("config");
        Optional<String> config = saved.config();
        if (config.isPresent()) {
            g.writeString(config.get());
        } else {
            g.writeNull();
        }
        json.newline(2);
        // absolute, so that the plan names the same directory wherever it is applied from
        g.writeStringProperty("root", plan.root().toAbsolutePath().normalize().toString());
        json.newline(2);
        g.writeBooleanProperty("live", plan.live());
        json.newline(2);
        g.writeArrayPropertyStart("changes");
        for (Change change : plan.changes()) {
            json.newline(4);
            g.writeStartObject();
            g.writeStringProperty("action", change.action().word());
            g.writeStringProperty("path", change.path());
            g.writeStringProperty("origin", change.origin());
            if (change.before().isPresent()) {
                g.writeName("before");
                state(g, change.before().get());
            }
            if (change.after().isPresent()) {
                g.writeName("after");
                state(g, change.after().get());
            }
            g.writeEndObject();
        }
        end(json, plan.changes().isEmpty());
        json.newline(2);
        strings(json, "adopted", plan.adopted());
        json.newline(2);
        g.writeArrayPropertyStart("actions");
        for (SystemAction action : plan.actions()) {
            json.newline(4);
            g.writeStartObject();
            g.writeStringProperty("phase", action.phase() == SystemAction.Phase.BEFORE_FILES ? "before-files" : "after-files");
            g.writeStringProperty("kind", action.kind().name().toLowerCase(Locale.ROOT));
            g.writeArrayPropertyStart("command");
            for (String arg : action.command().argv()) {
                g.writeString(arg);
            }
            g.writeEndArray();
            g.writeStringProperty("why", action.why());
            g.writeEndObject();
        }
        end(json, plan.actions().isEmpty());
        json.newline(2);
        strings(json, "action_notes", plan.actionNotes());
        json.newline(2);
        strings(json, "host_facts", plan.hostFacts());
        json.newline(2);
        g.writeArrayPropertyStart("warnings");
        for (Diagnostic warning : plan.warnings()) {
            json.newline(4);
            g.writeStartObject();
            g.writeStringProperty("code", warning.code().name());
            g.writeStringProperty("path", warning.path());
            g.writeStringProperty("summary", warning.summary());
            g.writeStringProperty("hint", warning.hint());
            g.writeEndObject();
        }
        end(json, plan.warnings().isEmpty());
        json.newline(2);
        g.writeStringProperty("manifest_before", plan.manifestBefore().toJson());
        json.newline(2);
        g.writeStringProperty("manifest_after", plan.manifestAfter().toJson());
        json.newline(0);
        g.writeEndObject();
    }

    private static void state(JsonGenerator g, FileState state) {
        g.writeStartObject();
        g.writeStringProperty("kind", state.kind());
        if (state instanceof FileState.Regular r) {
            g.writeStringProperty("mode", FileState.octal(r.mode()));
            g.writeStringProperty("sha256", r.sha256());
            if (r.text().isPresent()) {
                g.writeStringProperty("content", r.text().get());
            }
        } else if (state instanceof FileState.Link l) {
            g.writeStringProperty("target", l.target());
        }
        g.writeEndObject();
    }

    private static void strings(JsonText json, String name, List<String> values) {
        JsonGenerator g = json.generator();
        g.writeArrayPropertyStart(name);
        for (String value : values) {
            json.newline(4);
            g.writeString(value);
        }
        end(json, values.isEmpty());
    }

    private static void end(JsonText json, boolean empty) {
        if (!empty) {
            json.newline(2);
        }
        json.generator().writeEndArray();
    }
}
