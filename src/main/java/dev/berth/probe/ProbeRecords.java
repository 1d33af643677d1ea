package dev.berth.probe;

import dev.berth.diag.JsonText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last probe result of each port, kept at {@value #PATH} for {@code berth status}: each apply that probes
 * replaces the results of the ports it probed and keeps the others. Shape (version 1), one result per line:
 * <pre>
 * {
 *   "format_version": 1,
 *   "results": [
 *     {"container": "web", "port": "ssh", "address": "127.0.0.1:23", "kind": "banner", "ok": true, "millis": 1312,
 *      "detail": "SSH-2.0-OpenSSH_9.2p1 Debian-2", "time": "2026-12-06T05:50:00Z", "after": "apply"}
 *   ]
 * }
 * </pre>
 */
public final class ProbeRecords {
    public static final String PATH = "var/lib/berth/probe-results.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonFields FIELDS = new JsonFields(PATH);

    private ProbeRecords() {
    }

    /** {@code kept} with each port's result replaced by its result in {@code latest}, sorted by container and port. */
    public static List<ProbeRecord> merge(List<ProbeRecord> kept, List<ProbeRecord> latest) {
        Map<String, ProbeRecord> byPort = new LinkedHashMap<>();
        kept.forEach(r -> byPort.put(r.container() + "/" + r.port(), r));
        latest.forEach(r -> byPort.put(r.container() + "/" + r.port(), r));
        List<ProbeRecord> merged = new ArrayList<>(byPort.values());
        merged.sort((a, b) -> a.container().equals(b.container()) ? a.port().compareTo(b.port())
                : a.container().compareTo(b.container()));
        return merged;
    }

    public static String write(List<ProbeRecord> records) {
        return JsonText.listFile("results", records, ProbeRecords::writeRecord);
    }

    /** One result as an object, as this file and the JSON of status give it. */
    public static void writeRecord(JsonGenerator g, ProbeRecord r) {
        writeRecord(g, r, List.of());
    }

    /** As {@link #writeRecord(JsonGenerator, ProbeRecord)}, with the journal lines shown for a failure, if any. */
    public static void writeRecord(JsonGenerator g, ProbeRecord r, List<String> journal) {
        g.writeStartObject();
        g.writeStringProperty("container", r.container());
        g.writeStringProperty("port", r.port());
        g.writeStringProperty("address", r.address());
        g.writeStringProperty("kind", r.kind());
        g.writeBooleanProperty("ok", r.ok());
        g.writeNumberProperty("millis", r.millis());
        g.writeStringProperty("detail", r.detail());
        g.writeStringProperty("time", r.time());
        g.writeStringProperty("after", r.after());
        if (!journal.isEmpty()) {
            g.writeArrayPropertyStart("journal");
            for (String line : journal) {
                g.writeString(line);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** What {@link #write} wrote; anything else is an {@link IOException} saying what is wrong. */
    public static List<ProbeRecord> read(byte[] bytes) throws IOException {
        try {
            JsonNode root = FIELDS.versionOne(JSON.readTree(bytes));
            List<ProbeRecord> records = new ArrayList<>();
            for (JsonNode r : FIELDS.field(root, "results")) {
                records.add(new ProbeRecord(FIELDS.text(r, "container"), FIELDS.text(r, "port"), FIELDS.text(r, "address"),
                        FIELDS.text(r, "kind"), FIELDS.field(r, "ok").booleanValue(), FIELDS.field(r, "millis").longValue(),
                        FIELDS.text(r, "detail"), FIELDS.text(r, "time"), FIELDS.text(r, "after")));
            }
            return records;
        } catch (JacksonException e) {
            throw FIELDS.invalid(e.getOriginalMessage());
        }
    }

}
