package dev.berth.schema;

import dev.berth.testing.Cases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every place of berth.yaml the schema describes, read from the schema itself: a key's value, a list item, or the
 * name of an entry of a mapping whose names have a format. Paths read as in docs/reference.md: {@code *} is a name,
 * {@code []} a list item. Templates take the keys of a container and are not listed again.
 */
final class SchemaFields {
    /**
     * @param name    the place is the name of a mapping entry (an environment variable, a settings section)
     * @param checked its value is checked by a pattern, or it takes several shapes (oneOf / anyOf)
     * @param leaf    its value is no mapping of keys (a string, a number, a list, a mapping of free names)
     */
    record Field(String path, boolean name, boolean checked, boolean leaf) {
        boolean matches(String pointer, boolean atName) {
            if (atName != name) {
                return false;
            }
            String[] want = path.substring(1).split("/");
            String[] got = pointer.substring(1).split("/");
            if (want.length != got.length) {
                return false;
            }
            for (int i = 0; i < want.length; i++) {
                boolean ok = want[i].equals("*") || want[i].equals("[]") && got[i].matches("[0-9]+") || want[i].equals(got[i]);
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return path + (name ? " (names)" : "");
        }
    }

    static final JsonNode SCHEMA = read();

    private SchemaFields() {
    }

    static List<Field> all() {
        Set<Field> fields = new LinkedHashSet<>();
        walk(SCHEMA, "", fields, 0);
        return new ArrayList<>(fields);
    }

    static List<Field> checked() {
        return all().stream().filter(Field::checked).toList();
    }

    private static void walk(JsonNode node, String path, Set<Field> fields, int depth) {
        if (depth > 30) {
            throw new IllegalStateException("the schema nests deeper than any config: " + path);
        }
        List<JsonNode> chain = chain(node);
        boolean checked = chain.stream().anyMatch(n -> n.has("pattern") || n.has("oneOf") || n.has("anyOf"));
        boolean leaf = chain.stream().noneMatch(n -> n.has("properties"));
        if (!path.isEmpty()) {
            fields.add(new Field(path, false, checked, leaf));
        }
        for (JsonNode n : chain) {
            for (String key : n.path("properties").propertyNames()) {
                if (!(path.isEmpty() && key.equals("templates"))) {
                    walk(n.path("properties").path(key), path + "/" + key, fields, depth + 1);
                }
            }
            if (n.path("propertyNames").isObject()) {
                boolean namesChecked = chain(n.path("propertyNames")).stream().anyMatch(p -> p.has("pattern"));
                fields.add(new Field(path + "/*", true, namesChecked, true));
            }
            if (n.path("additionalProperties").isObject()) {
                walk(n.path("additionalProperties"), path + "/*", fields, depth + 1);
            }
            if (n.path("items").isObject()) {
                walk(n.path("items"), path + "/[]", fields, depth + 1);
            }
            for (JsonNode branch : n.path("oneOf")) {
                for (JsonNode b : chain(branch)) {
                    for (String key : b.path("properties").propertyNames()) {
                        walk(b.path("properties").path(key), path + "/" + key, fields, depth + 1);
                    }
                    if (b.path("items").isObject()) {
                        walk(b.path("items"), path + "/[]", fields, depth + 1);
                    }
                }
            }
        }
    }

    /** The node and every definition its {@code $ref}s lead to. */
    static List<JsonNode> chain(JsonNode node) {
        List<JsonNode> chain = new ArrayList<>();
        JsonNode current = node;
        chain.add(current);
        while (current.path("$ref").asString("").startsWith("#/")) {
            current = SCHEMA.at(current.path("$ref").asString().substring(1));
            chain.add(current);
        }
        return chain;
    }

    private static JsonNode read() {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(Cases.ROOT.resolve("schemas/berth.schema.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
