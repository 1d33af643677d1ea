package dev.berth.probe;

import dev.berth.diag.JsonText;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Probe results inside apply's JSON document (docs/apply.md):
 * {@code "probes": {"after": "apply", "ok": false, "results": [{..., "journal": [...]}]}}.
 */
public final class ProbeJsonView {
    private ProbeJsonView() {
    }

    /** The {@code probes} property of an open object. */
    public static void write(JsonText json, String after, List<ProbeAnswer> answers) {
        JsonGenerator g = json.generator();
        json.newline(1);
        g.writeObjectPropertyStart("probes");
        g.writeStringProperty("after", after);
        g.writeBooleanProperty("ok", answers.stream().allMatch(a -> a.record().ok()));
        g.writeArrayPropertyStart("results");
        for (ProbeAnswer a : answers) {
            json.newline(2);
            ProbeRecords.writeRecord(g, a.record(), a.journal());
        }
        if (!answers.isEmpty()) {
            json.newline(1);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
