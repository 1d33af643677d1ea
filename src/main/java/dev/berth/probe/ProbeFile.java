package dev.berth.probe;

import dev.berth.diag.JsonText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The probes a config declares, installed with its units at {@value #PATH}: what apply probes after a change reads
 * the root's copy, so a saved plan and a rollback probe what they install, not what a config says today. Shape
 * (version 1), one probe per line:
 * <pre>
 * {
 *   "format_version": 1,
 *   "probes": [
 *     {"container": "web", "port": "http", "listen": "80", "kind": "http", "expect": "/health", "status": 200,
 *      "timeout_ms": 30000, "machine": "web", "unit": "web.service", "guest_root": "srv/web",
 *      "paths": ["etc/systemd/system/web.service", "etc/systemd/system/web.socket"]}
 *   ]
 * }
 * </pre>
 */
public final class ProbeFile {
    public static final String PATH = "var/lib/berth/probes.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonFields FIELDS = new JsonFields(PATH);

    private ProbeFile() {
    }

    public static String write(List<ProbeTarget> targets) {
        return JsonText.listFile("probes", targets, (g, t) -> {
            g.writeStartObject();
            g.writeStringProperty("container", t.container());
            g.writeStringProperty("port", t.port());
            g.writeStringProperty("listen", t.listen());
            g.writeStringProperty("kind", t.probe().kind().name().toLowerCase(Locale.ROOT));
            g.writeStringProperty("expect", t.probe().expect());
            g.writeNumberProperty("status", t.probe().status());
            g.writeNumberProperty("timeout_ms", t.probe().timeoutMillis());
            g.writeStringProperty("machine", t.machine());
            g.writeStringProperty("unit", t.unit());
            g.writeStringProperty("guest_root", t.guestRoot());
            g.writeArrayPropertyStart("paths");
            for (String path : t.paths()) {
                g.writeString(path);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** What {@link #write} wrote; anything else is an {@link IOException} saying what is wrong. */
    public static List<ProbeTarget> read(byte[] bytes) throws IOException {
        try {
            JsonNode root = FIELDS.versionOne(JSON.readTree(bytes));
            List<ProbeTarget> targets = new ArrayList<>();
            for (JsonNode p : FIELDS.field(root, "probes")) {
                Probe.Kind kind;
                try {
                    kind = Probe.Kind.valueOf(FIELDS.text(p, "kind").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw FIELDS.invalid("the kind " + FIELDS.text(p, "kind") + " is none berth knows");
                }
                List<String> paths = new ArrayList<>();
                for (JsonNode path : FIELDS.field(p, "paths")) {
                    if (!path.isString()) {
                        throw FIELDS.invalid("paths holds something that is not text");
                    }
                    paths.add(path.stringValue());
                }
                Probe probe = new Probe(kind, FIELDS.text(p, "expect"), FIELDS.field(p, "status").intValue(),
                        FIELDS.field(p, "timeout_ms").longValue());
                targets.add(new ProbeTarget(FIELDS.text(p, "container"), FIELDS.text(p, "port"), FIELDS.text(p, "listen"),
                        probe, FIELDS.text(p, "machine"), FIELDS.text(p, "unit"), FIELDS.text(p, "guest_root"), paths));
            }
            return targets;
        } catch (JacksonException e) {
            throw FIELDS.invalid(e.getOriginalMessage());
        }
    }

}
