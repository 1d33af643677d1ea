package dev.berth.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testing.Cases;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Editors show the schema's descriptions and examples while typing: every key must have both. */
class SchemaDocumentationTest {
    @Test
    void everyKeyHasADescriptionAndExamples() throws Exception {
        JsonNode schema = JsonMapper.builder().build().readTree(Files.readString(Cases.ROOT.resolve("schemas/berth.schema.json")));
        List<String> missing = new ArrayList<>();
        walk(schema, schema, "#", missing);
        assertTrue(missing.isEmpty(), "keys without description or examples:\n" + String.join("\n", missing));
    }

    private static void walk(JsonNode root, JsonNode node, String where, List<String> missing) {
        if (node.isObject()) {
            JsonNode properties = node.path("properties");
            for (String key : properties.propertyNames()) {
                JsonNode property = properties.path(key);
                JsonNode target = property.has("$ref") ? root.at(property.path("$ref").asString().substring(1)) : property;
                boolean described = property.has("description") || target.has("description");
                boolean exemplified = property.has("examples") || target.has("examples");
                if (!described || !exemplified) {
                    missing.add(where + "/properties/" + key + (described ? "" : " (description)") + (exemplified ? "" : " (examples)"));
                }
            }
            for (String key : node.propertyNames()) {
                walk(root, node.path(key), where + "/" + key, missing);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(root, node.get(i), where + "/" + i, missing);
            }
        }
    }
}
