package dev.berth.apply;

import dev.berth.plan.Manifest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what {@link Generations#write} wrote; anything else is an {@link IOException} saying what is wrong. */
final class GenerationsReader {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GenerationsReader() {
    }

    static List<Generations.Generation> read(byte[] bytes) throws IOException {
        try {
            JsonNode root = JSON.readTree(bytes);
            JsonNode version = root.get("format_version");
            if (version == null || !version.isIntegralNumber() || version.intValue() != 1) {
                throw invalid("its format_version is not 1");
            }
            List<Generations.Generation> all = new ArrayList<>();
            for (JsonNode g : field(root, "generations")) {
                JsonNode summary = field(g, "summary");
                List<String> kept = new ArrayList<>();
                for (JsonNode sha : field(g, "kept")) {
                    kept.add(text(sha, "kept"));
                }
                JsonNode config = field(g, "config");
                all.add(new Generations.Generation(field(g, "number").intValue(), text(field(g, "time"), "time"),
                        config.isString() ? Optional.of(config.stringValue()) : Optional.empty(),
                        field(summary, "add").longValue(), field(summary, "change").longValue(),
                        field(summary, "destroy").longValue(), kept, Manifest.parse(text(field(g, "manifest"), "manifest")),
                        field(g, "complete").booleanValue()));
            }
            return all;
        } catch (JacksonException | Manifest.Invalid e) {
            throw invalid(e.getMessage());
        }
    }

    private static JsonNode field(JsonNode node, String name) throws IOException {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null) {
            throw invalid(name + " is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String name) throws IOException {
        if (!node.isString()) {
            throw invalid(name + " is not text");
        }
        return node.stringValue();
    }

    private static IOException invalid(String why) {
        return new IOException(Generations.RECORD + " is not as berth writes it: " + why);
    }
}
