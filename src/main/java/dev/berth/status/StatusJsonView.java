package dev.berth.status;

import dev.berth.apply.Generations.Generation;
import dev.berth.diag.JsonText;
import dev.berth.probe.ProbeRecord;
import dev.berth.probe.ProbeRecords;
import dev.berth.status.HostStatus.ContainerStatus;
import dev.berth.status.HostStatus.SocketStatus;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.core.JsonGenerator;

/**
 * {@code berth status --format json} (format version 1, docs/status-json.md): one document, one line per container.
 * <pre>
 * {"format_version": 1, "root": "/", "live": true, "config": "berth.yaml", "applied": true, "same_config": true,
 *  "containers": [
 *   {"name": "mycontainer",
 *    "sockets": [{"unit": "mycontainer.socket", "front": true, "listen": ["[::]:23 (Stream)"], "listening": true,
 *                 "state": "active (running)", "accepted": 3, "connections": 1}],
 *    "service": {"unit": "mycontainer.service", "state": "active (running)", "running": true,
 *                "since": "Sun 2026-12-06 03:46:09 UTC", "memory_bytes": 19087360},
 *    "idle_stop": null, "files": {"state": "as-applied", "count": 6, "changed": []}}],
 *  "generations": {"current": 2, "kept": [
 *    {"number": 1, "time": "2026-12-06T04:50:00Z", "config": "…", "summary": {"add": 7, "change": 0, "destroy": 0}},
 *    {"number": 2, "time": "2026-12-06T05:50:00Z", "config": "…", "summary": {"add": 0, "change": 1, "destroy": 0}}
 *   ], "pending": null, "error": null},
 *  "summary": {"containers": 1, "sockets": 1, "listening": 1, "all_listening": true}}
 * </pre>
 */
public final class StatusJsonView {
    public static final int FORMAT_VERSION = 1;

    public String render(HostStatus status, String config) {
        return JsonText.write(json -> write(json, status, config)) + "\n";
    }

    private static void write(JsonText json, HostStatus status, String config) {
        JsonGenerator g = json.generator();
        g.writeStartObject();
        g.writeNumberProperty("format_version", FORMAT_VERSION);
        json.newline(1);
        g.writeStringProperty("root", status.root().toString());
        g.writeBooleanProperty("live", status.live());
        g.writeStringProperty("config", config);
        g.writeBooleanProperty("applied", status.applied());
        g.writeName("same_config");
        status.sameConfig().ifPresentOrElse(g::writeBoolean, g::writeNull);
        json.newline(1);
        g.writeArrayPropertyStart("containers");
        for (ContainerStatus c : status.containers()) {
            json.newline(2);
            container(g, c, status.live());
        }
        if (!status.containers().isEmpty()) {
            json.newline(1);
        }
        g.writeEndArray();
        json.newline(1);
        generations(json, status.generations());
        json.newline(1);
        probes(json, status.probes());
        json.newline(1);
        g.writeObjectPropertyStart("summary");
        g.writeNumberProperty("containers", status.containers().size());
        g.writeNumberProperty("sockets", status.sockets().size());
        g.writeName("listening");
        if (status.live()) {
            g.writeNumber(status.sockets().stream().filter(SocketStatus::listening).count());
        } else {
            g.writeNull();
        }
        g.writeBooleanProperty("all_listening", status.allListening());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Each port's last probe, with the fields apply's probe results have. */
    private static void probes(JsonText json, ProbesStatus probes) {
        JsonGenerator g = json.generator();
        g.writeObjectPropertyStart("probes");
        g.writeArrayPropertyStart("last");
        for (ProbeRecord r : probes.last()) {
            json.newline(3);
            ProbeRecords.writeRecord(g, r);
        }
        if (!probes.last().isEmpty()) {
            json.newline(2);
        }
        g.writeEndArray();
        string(g, "error", probes.unreadable());
        g.writeEndObject();
    }

    /** The fields of each kept generation are those of {@code berth generations --format json}. */
    private static void generations(JsonText json, GenerationsStatus generations) {
        JsonGenerator g = json.generator();
        g.writeObjectPropertyStart("generations");
        g.writeName("current");
        generations.current().ifPresentOrElse(current -> g.writeNumber(current.number()), g::writeNull);
        g.writeArrayPropertyStart("kept");
        for (Generation generation : generations.kept()) {
            json.newline(3);
            g.writeStartObject();
            g.writeNumberProperty("number", generation.number());
            generation.writeWhatItDid(g);
            g.writeEndObject();
        }
        if (!generations.kept().isEmpty()) {
            json.newline(2);
        }
        g.writeEndArray();
        g.writeName("pending");
        generations.pending().ifPresentOrElse(g::writeNumber, g::writeNull);
        string(g, "error", generations.unreadable());
        g.writeEndObject();
    }

    private static void container(JsonGenerator g, ContainerStatus c, boolean live) {
        g.writeStartObject();
        g.writeStringProperty("name", c.name());
        g.writeArrayPropertyStart("sockets");
        for (SocketStatus s : c.sockets()) {
            g.writeStartObject();
            g.writeStringProperty("unit", s.unit());
            g.writeBooleanProperty("front", s.front());
            strings(g, "listen", s.listen());
            g.writeName("listening");
            if (live) {
                g.writeBoolean(s.listening());
            } else {
                g.writeNull();
            }
            string(g, "state", live ? Optional.of(s.state()) : Optional.empty());
            number(g, "accepted", s.accepted());
            number(g, "connections", s.connections());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("service");
        g.writeStringProperty("unit", c.service().unit());
        string(g, "state", live ? Optional.of(c.service().state()) : Optional.empty());
        g.writeName("running");
        if (live) {
            g.writeBoolean(c.service().running());
        } else {
            g.writeNull();
        }
        string(g, "since", c.service().since());
        number(g, "memory_bytes", c.service().memoryBytes());
        g.writeEndObject();
        string(g, "idle_stop", c.idleStop());
        g.writeObjectPropertyStart("files");
        g.writeStringProperty("state", c.files().state().word());
        g.writeNumberProperty("count", c.files().count());
        strings(g, "changed", c.files().changed());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String name, Optional<String> value) {
        g.writeName(name);
        value.ifPresentOrElse(g::writeString, g::writeNull);
    }

    private static void number(JsonGenerator g, String name, OptionalLong value) {
        g.writeName(name);
        if (value.isPresent()) {
            g.writeNumber(value.getAsLong());
        } else {
            g.writeNull();
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeArrayPropertyStart(name);
        values.forEach(g::writeString);
        g.writeEndArray();
    }
}
