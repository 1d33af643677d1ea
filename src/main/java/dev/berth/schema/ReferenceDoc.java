package dev.berth.schema;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key reference (docs/reference.md), written from the JSON Schema so that the language is
 * described in one place: every key with its path, type, default, description and examples.
 */
public final class ReferenceDoc {
    private final JsonNode root;
    private final StringBuilder out = new StringBuilder();

    private ReferenceDoc(JsonNode root) {
        this.root = root;
    }

    public static String render() {
        ReferenceDoc doc = new ReferenceDoc(JsonMapper.builder().build().readTree(SchemaText.read()));
        return doc.build();
    }

    private String build() {
        out.append("# Configuration reference\n\n")
                .append("<!-- Generated from schemas/berth.schema.json; ReferenceDocTest fails when this file is stale.\n")
                .append("     Regenerate with: mvn -B -o test -Dtest=ReferenceDocTest -Dberth.writeDocs=true -->\n\n")
                .append(root.path("description").asString()).append("\n\n")
                .append("Paths name keys as in diagnostics: `*` stands for a name you choose (a container, a port...), ")
                .append("`[]` for a list item. Every config starts with `berth: 1`.\n");
        keys(root, "", new ArrayList<>());
        return out.toString();
    }

    private void keys(JsonNode schema, String path, List<String> seen) {
        JsonNode s = deref(schema);
        for (String name : s.path("properties").propertyNames()) {
            JsonNode property = s.path("properties").path(name);
            entry(path + "/" + name, property);
            descend(property, path + "/" + name, seen);
        }
    }

    private void descend(JsonNode property, String path, List<String> seen) {
        String ref = property.path("$ref").asString("");
        if (!ref.isEmpty() && seen.contains(ref)) {
            return;
        }
        List<String> next = new ArrayList<>(seen);
        next.add(ref);
        JsonNode s = deref(property);
        if (s.has("properties")) {
            keys(s, path, next);
        }
        if (s.path("additionalProperties").path("$ref").asString("").equals("#/$defs/template")) {
            out.append("\nEach template takes the keys of a container (see `/containers/*/...` below) except `template`.\n");
            return;
        }
        if (s.path("additionalProperties").isObject()) {
            JsonNode inner = s.path("additionalProperties");
            if (deref(inner).has("properties")) {
                keys(inner, path + "/*", next);
            } else if (deref(inner).path("additionalProperties").isObject()) {
                descend(inner, path + "/*", next);
            }
        }
        if (s.path("items").isObject() && deref(s.path("items")).has("properties")) {
            keys(s.path("items"), path + "/[]", next);
        }
        for (JsonNode alternative : s.path("oneOf")) {
            if (deref(alternative).has("properties")) {
                keys(alternative, path, next);
            }
            if (alternative.path("items").isObject()) {
                for (JsonNode inner : deref(alternative.path("items")).path("oneOf")) {
                    if (deref(inner).has("properties")) {
                        keys(inner, path + "/[]", next);
                    }
                }
            }
        }
    }

    private void entry(String path, JsonNode property) {
        JsonNode s = deref(property);
        String description = property.has("description") ? property.path("description").asString() : s.path("description").asString("");
        out.append("\n## `").append(path).append("`\n\n");
        String type = type(property);
        if (!type.isEmpty()) {
            out.append("*").append(type).append("*");
            if (s.has("default") || property.has("default")) {
                out.append(", default `").append(property.has("default") ? property.path("default") : s.path("default")).append('`');
            }
            if (s.path("deprecated").asBoolean(false) || property.path("deprecated").asBoolean(false)) {
                out.append(", deprecated");
            }
            out.append("\n\n");
        }
        out.append(description).append('\n');
        String format = format(property);
        if (!format.isEmpty()) {
            out.append("\nFormat: ").append(format).append('\n');
        }
        JsonNode examples = property.has("examples") ? property.path("examples") : s.path("examples");
        if (examples.isArray() && !examples.isEmpty()) {
            out.append("\nExamples: ");
            List<String> shown = new ArrayList<>();
            examples.forEach(e -> shown.add("`" + e.toString() + "`"));
            out.append(String.join(", ", shown)).append('\n');
        }
    }

    /**
     * What a value of the key looks like, from the {@code $defs} entry of its format (its title and rule, the words
     * diagnostics use too), or each shape a key of several shapes takes, with an example.
     */
    private String format(JsonNode property) {
        JsonNode s = deref(property);
        if (s.has("oneOf")) {
            List<String> shapes = new ArrayList<>();
            for (JsonNode branch : s.path("oneOf")) {
                JsonNode titled = titled(branch);
                JsonNode examples = branch.has("examples") ? branch.path("examples") : titled.path("examples");
                shapes.add(titled.path("title").asString(type(branch))
                        + (examples.isEmpty() ? "" : " (e.g. `" + FlowYaml.write(examples.get(0)) + "`)"));
            }
            return String.join(", or ", shapes) + ".";
        }
        if (s.path("type").asString("").equals("array")) {
            String item = format(s.path("items"));
            return item.isEmpty() ? "" : "a list; each item is " + item;
        }
        if (s.has("propertyNames")) {
            String names = "each name is " + format(s.path("propertyNames"));
            JsonNode inner = s.path("additionalProperties").path("propertyNames");
            return inner.isObject() ? names + " Inside each, each name is " + format(inner) : names;
        }
        JsonNode titled = titled(property);
        if (!titled.has("title") || !titled.has("description")) {
            return "";
        }
        return titled.path("title").asString() + ": " + titled.path("description").asString() + ".";
    }

    /** The first node of a {@code $ref} chain that has a title (the format's definition), else the last. */
    private JsonNode titled(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 8 && !current.has("title") && current.path("$ref").asString("").startsWith("#/"); i++) {
            current = root.at(current.path("$ref").asString().substring(1));
        }
        return current;
    }

    private String type(JsonNode property) {
        JsonNode s = deref(property);
        if (s.has("enum")) {
            List<String> values = new ArrayList<>();
            s.path("enum").forEach(v -> values.add(v.isString() ? v.asString() : v.toString()));
            return "one of " + String.join(", ", values);
        }
        if (s.has("const")) {
            return "exactly " + s.path("const");
        }
        if (s.has("oneOf")) {
            List<String> types = new ArrayList<>();
            s.path("oneOf").forEach(alt -> types.add(type(alt)));
            return String.join(" or ", types);
        }
        JsonNode t = s.path("type");
        if (t.isArray()) {
            List<String> types = new ArrayList<>();
            t.forEach(x -> types.add(x.asString()));
            return String.join(" or ", types);
        }
        if (t.asString("").equals("object") && s.path("additionalProperties").isObject()) {
            return "mapping of names to entries";
        }
        if (t.asString("").equals("object")) {
            return "mapping";
        }
        if (t.asString("").equals("array")) {
            String item = type(s.path("items"));
            return "list" + (item.isEmpty() ? "" : " of " + item);
        }
        return t.asString("");
    }

    private JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 8 && current.path("$ref").asString("").startsWith("#/"); i++) {
            current = root.at(current.path("$ref").asString().substring(1));
        }
        return current;
    }
}
