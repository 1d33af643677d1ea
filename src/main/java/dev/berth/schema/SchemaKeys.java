package dev.berth.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Finds the schema for a config path by walking properties, additionalProperties, items and local
 * {@code $ref}s: which keys are allowed there and what the key is for.
 */
final class SchemaKeys {
    private final JsonNode root;

    SchemaKeys(JsonNode root) {
        this.root = root;
    }

    List<String> allowedAt(String pointer) {
        return at(pointer).map(this::deref).map(s -> {
            List<String> names = new ArrayList<>();
            s.path("properties").propertyNames().forEach(names::add);
            return names;
        }).orElse(List.of());
    }

    /** The description where the key is declared, else the one of the definition it refers to. */
    Optional<String> describe(String pointer) {
        return at(pointer).map(n -> n.has("description") ? n : deref(n))
                .map(n -> n.path("description").asString("")).filter(d -> !d.isEmpty());
    }

    private Optional<JsonNode> at(String pointer) {
        JsonNode node = root;
        if (pointer.isEmpty()) {
            return Optional.of(node);
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            JsonNode structure = deref(node);
            if (structure.path("properties").has(segment)) {
                node = structure.path("properties").path(segment);
            } else if (structure.has("items")) {
                node = structure.path("items");
            } else if (structure.path("additionalProperties").isObject()) {
                node = structure.path("additionalProperties");
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    private JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 8 && current.path("$ref").asString("").startsWith("#/"); hops++) {
            JsonNode target = root.at(current.path("$ref").asString("").substring(1));
            if (target.isMissingNode()) {
                break;
            }
            current = target;
        }
        return current;
    }
}
