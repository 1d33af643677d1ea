package dev.berth.plan;

import dev.berth.diag.JsonText;
import dev.berth.translate.GuestBootstrap;
import java.util.Map;
import java.util.SortedMap;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a {@link Manifest} as JSON, one file a line, token by token: the manifest of ten thousand containers lists
 * a hundred thousand files, and a tree of them would only be built to be written.
 */
final class ManifestWriter {
    /** What one entry takes, about: the text is sized once instead of growing from small. */
    private static final int ENTRY_CHARS = 256;

    private ManifestWriter() {
    }

    static String write(Manifest manifest) {
        return JsonText.write(1024 + manifest.files().size() * ENTRY_CHARS, json -> write(json, manifest)) + "\n";
    }

    private static void write(JsonText json, Manifest manifest) {
        JsonGenerator g = json.generator();
        g.writeStartObject();
        json.newline(2);
        g.writeNumberProperty("format_version", Manifest.FORMAT_VERSION);
        json.newline(2);
        g.writeStringProperty("generator", "berth");
        manifest.config().ifPresent(c -> {
            json.newline(2);
            config(json, c);
        });
        json.newline(2);
        g.writeArrayPropertyStart("files");
        for (Map.Entry<String, FileState> e : manifest.files().entrySet()) {
            json.newline(4);
            g.writeStartObject();
            g.writeStringProperty("path", e.getKey());
            FileState state = e.getValue();
            g.writeStringProperty("kind", state.kind());
            if (state instanceof FileState.Regular r) {
                g.writeStringProperty("mode", FileState.octal(r.mode()));
                g.writeStringProperty("sha256", r.sha256());
            } else if (state instanceof FileState.Link l) {
                g.writeStringProperty("target", l.target());
            }
            Stamp stamp = manifest.stamps().get(e.getKey());
            if (stamp != null) {
                g.writeNumberProperty("size", stamp.size());
                g.writeNumberProperty("mtime_ns", stamp.mtimeNanos());
                g.writeStringProperty("file_key", stamp.fileKey());
            }
            g.writeEndObject();
        }
        if (!manifest.files().isEmpty()) {
            json.newline(2);
        }
        g.writeEndArray();
        json.newline(0);
        g.writeEndObject();
    }

    private static void config(JsonText json, AppliedConfig config) {
        JsonGenerator g = json.generator();
        g.writeObjectPropertyStart("config");
        g.writeStringProperty("sha256", config.digest());
        g.writeArrayPropertyStart("guests");
        for (GuestRoot guest : config.guests()) {
            GuestBootstrap b = guest.bootstrap();
            json.newline(4);
            g.writeStartObject();
            g.writeStringProperty("container", guest.container());
            g.writeStringProperty("path", guest.path());
            g.writeStringProperty("origin", guest.origin());
            g.writeStringProperty("os", b.os());
            g.writeStringProperty("release", b.release());
            g.writeBooleanProperty("sshd", b.sshd());
            g.writeArrayPropertyStart("packages");
            for (String p : b.packages()) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (!config.guests().isEmpty()) {
            json.newline(2);
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("needs");
        for (Map.Entry<String, SortedMap<String, String>> scope : config.needs().entrySet()) {
            g.writeObjectPropertyStart(scope.getKey());
            for (Map.Entry<String, String> need : scope.getValue().entrySet()) {
                g.writeStringProperty(need.getKey(), need.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
