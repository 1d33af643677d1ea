package dev.berth.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Finds the schema for a config path by walking properties, additionalProperties, items, the branches of a
 * oneOf and local {@code $ref}s: which keys are allowed there, what the key is for and an example of it.
 */
final class SchemaKeys {
    private final JsonNode root;

    SchemaKeys(JsonNode root) {
        this.root = root;
    }

    JsonNode root() {
        return root;
    }

    /** The keys of the mapping the schema node at this location (a fragment such as {@code /$defs/port}) describes. */
    List<String> keysOf(String fragment) {
        List<String> names = new ArrayList<>();
        deref(root.at(fragment)).path("properties").propertyNames().forEach(names::add);
        return names;
    }

    /** The description where the key is declared, else the one of the definition it refers to. */
    Optional<String> describe(String pointer) {
        return at(pointer).flatMap(n -> annotation(n, "description")).map(d -> d.asString("")).filter(d -> !d.isEmpty());
    }

    /** The first example where the key is declared, else the first of the definition it refers to. */
    Optional<JsonNode> example(String pointer) {
        return at(pointer).flatMap(SchemaKeys.this::example);
    }

    Optional<JsonNode> example(JsonNode node) {
        return annotation(node, "examples").filter(e -> e.isArray() && !e.isEmpty()).map(e -> e.get(0));
    }

    /** An annotation (title, description, examples) of a node, else of the nearest definition it refers to that has it. */
    Optional<JsonNode> annotation(JsonNode node, String name) {
        JsonNode current = node;
        for (int hops = 0; hops < 8; hops++) {
            if (current.has(name)) {
                return Optional.of(current.path(name));
            }
            String ref = current.path("$ref").asString("");
            if (!ref.startsWith("#/") || root.at(ref.substring(1)).isMissingNode()) {
                break;
            }
            current = root.at(ref.substring(1));
        }
        return Optional.empty();
    }

    /** The schema node of the key or item at a config path. */
    Optional<JsonNode> at(String pointer) {
        JsonNode node = root;
        if (pointer.isEmpty()) {
            return Optional.of(node);
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            Optional<JsonNode> next = step(deref(node), raw.replace("~1", "/").replace("~0", "~"));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            node = next.get();
        }
        return Optional.of(node);
    }

    private Optional<JsonNode> step(JsonNode structure, String segment) {
        if (structure.path("properties").has(segment)) {
            return Optional.of(structure.path("properties").path(segment));
        }
        if (structure.has("items") && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
            return Optional.of(structure.path("items"));
        }
        if (structure.path("additionalProperties").isObject()) {
            return Optional.of(structure.path("additionalProperties"));
        }
        for (JsonNode branch : structure.path("oneOf")) {
            Optional<JsonNode> inBranch = step(deref(branch), segment);
            if (inBranch.isPresent()) {
                return inBranch;
            }
        }
        return Optional.empty();
    }

    /** The node a {@code $ref} chain ends at; the node itself when it refers to nothing. */
    JsonNode deref(JsonNode node) {
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

    /** The name of the {@code $defs} entry a node refers to directly, if it refers to one. */
    static Optional<String> defName(JsonNode node) {
        String ref = node.path("$ref").asString("");
        return ref.startsWith("#/$defs/") ? Optional.of(ref.substring("#/$defs/".length())) : Optional.empty();
    }

    /** The last segment of a JSON pointer, unescaped. */
    static String lastSegment(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }
}
