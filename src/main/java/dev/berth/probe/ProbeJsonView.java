package dev.berth.probe;

import dev.berth.diag.JsonText;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Probe results as one JSON document on one line, printed after apply's own document (docs/apply.md):
 * {@code {"format_version": 1, "probes_after": "apply", "ok": false, "results": [{..., "journal": [...]}]}}.
 */
public final class ProbeJsonView {
    public String render(String after, List<ProbeAnswer> answers) {
        return JsonText.write(json -> {
            JsonGenerator g = json.generator();
            g.writeStartObject();
            g.writeNumberProperty("format_version", 1);
            g.writeStringProperty("probes_after", after);
            g.writeBooleanProperty("ok", answers.stream().allMatch(a -> a.record().ok()));
            g.writeArrayPropertyStart("results");
            for (ProbeAnswer a : answers) {
                ProbeRecords.writeRecord(g, a.record(), a.journal());
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
