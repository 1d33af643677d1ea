package dev.berth.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.unit.Directives;
import dev.berth.unit.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The option table and the published schema agree key by key: each table option is a key of the schema where the
 * table places it, with a type its kind reads and examples its encoder writes; each other key of those objects is
 * one berth writes by hand (listed here, so that a new key cannot land in neither).
 */
class OptionTableSchemaTest {
    private static final JsonNode SCHEMA = JsonMapper.builder().build().readTree(read());

    /** Keys with logic of their own, written by their translators. */
    private static final Map<Place, Set<String>> HAND_WRITTEN = Map.of(
            Place.CONTAINER, Set.of("template", "description", "root", "root-parent", "guest", "boot", "journal", "kill-mode",
                    "environment", "environment-files", "limits", "sandbox", "socket", "form", "network", "idle-stop",
                    "start-limit", "binds", "private-users", "drop-capabilities", "mask", "ports", "services", "drop-ins",
                    "settings"),
            Place.SERVICE, Set.of("description", "port", "per-connection", "socket-on-stdin", "socket", "type", "exec",
                    "ignore-failure", "runtime-directory", "environment", "environment-files", "limits", "sandbox", "settings"),
            Place.HOST_SOCKET, Set.of("description", "trigger-limit"),
            Place.GUEST_SOCKET, Set.of("description"),
            Place.LIMITS, Set.of(),
            Place.DROP_IN, Set.of("limits", "environment", "settings"));

    private static String read() {
        try {
            return Files.readString(Path.of("schemas/berth.schema.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode object(Place place) {
        JsonNode defs = SCHEMA.get("$defs");
        return switch (place) {
            case CONTAINER -> defs.get("container");
            case SERVICE -> defs.get("service");
            case HOST_SOCKET -> defs.get("container").get("properties").get("socket");
            case GUEST_SOCKET -> defs.get("service").get("properties").get("socket");
            case LIMITS -> defs.get("limits");
            case DROP_IN -> defs.get("dropin");
        };
    }

    /** The schema of a key, following a/b into nested objects and $ref into $defs. */
    private static JsonNode property(JsonNode object, String key) {
        JsonNode node = object;
        for (String part : key.split("/")) {
            node = resolve(node).get("properties").get(part);
            if (node == null) {
                return null;
            }
        }
        return resolve(node);
    }

    /** A node with its $ref into $defs replaced by the definition, the node's own keys kept beside it. */
    private static JsonNode resolve(JsonNode node) {
        if (!node.has("$ref") || !node.get("$ref").asString().startsWith("#/$defs/")) {
            return node;
        }
        ObjectNode merged = (ObjectNode) resolve(SCHEMA.get("$defs").get(node.get("$ref").asString().substring("#/$defs/".length()))).deepCopy();
        node.propertyNames().forEach(name -> {
            if (!name.equals("$ref")) {
                merged.set(name, node.get(name));
            }
        });
        return merged;
    }

    @Test
    void everyOptionIsAKeyOfTheSchemaWhereTheTablePlacesIt() {
        List<String> problems = new ArrayList<>();
        for (Option option : Options.ALL) {
            for (Place place : option.places()) {
                JsonNode schema = property(object(place), option.key());
                if (schema == null) {
                    problems.add(option.key() + ": not a key of the schema at " + place.configPath(option.key()));
                    continue;
                }
                Set<String> types = types(schema);
                boolean fits = switch (option.kind()) {
                    case BOOLEAN -> types.equals(Set.of("boolean"));
                    case INTEGER -> types.equals(Set.of("integer"));
                    case WORD -> schema.has("enum") || types.contains("string");
                    default -> types.contains("string");
                };
                if (!fits) {
                    problems.add(option.key() + " at " + place + ": the schema's type " + types + " does not fit " + option.kind());
                }
                for (JsonNode example : schema.path("examples")) {
                    Object value = option.kind().read(example.isBoolean() ? (Object) example.asBoolean()
                            : example.isIntegralNumber() ? (Object) example.asLong() : example.asString());
                    try {
                        option.kind().encode(value);
                    } catch (IllegalArgumentException e) {
                        problems.add(option.key() + ": the schema's example " + example + " cannot be written: " + e.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyKeyOfTheSchemaIsInTheTableOrWrittenByHand() {
        List<String> problems = new ArrayList<>();
        for (Place place : Place.values()) {
            Set<String> keys = new TreeSet<>();
            resolve(object(place)).get("properties").propertyNames().forEach(keys::add);
            Set<String> table = new TreeSet<>();
            Options.at(place).forEach(o -> table.add(o.key().split("/")[0]));
            for (String key : keys) {
                if (!table.contains(key) && !HAND_WRITTEN.get(place).contains(key)) {
                    problems.add(place + ": the schema's key '" + key + "' is neither a table option nor written by hand");
                }
                if (table.contains(key) && HAND_WRITTEN.get(place).contains(key) && !key.equals("trigger-limit")) {
                    problems.add(place + ": '" + key + "' is both a table option and written by hand");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyDirectiveOfTheTableIsOneSystemdKnows() {
        for (Option option : Options.ALL) {
            String section = option.section("Service");
            assertTrue(Directives.lookup(section, option.directive()).isPresent(), section + "." + option.directive());
        }
    }

    /** The template of containers takes every key a container takes but 'template'. */
    @Test
    void templatesTakeTheKeysOfContainers() {
        JsonNode defs = SCHEMA.get("$defs");
        JsonNode container = defs.get("container").get("properties").deepCopy();
        ((ObjectNode) container).remove("template");
        assertEquals(container, defs.get("template").get("properties"));
        assertEquals(defs.get("container").get("additionalProperties"), defs.get("template").get("additionalProperties"));
    }

    @Test
    void theSchemasTimeSpanIsTheEncoders() {
        assertEquals("^(" + Value.DURATION_PATTERN + ")$", SCHEMA.get("$defs").get("duration").get("pattern").asString());
    }

    @Test
    void theSchemasTimeoutIsTheEncoders() {
        assertEquals("^(" + Value.TIMEOUT_PATTERN + ")$", SCHEMA.get("$defs").get("timeout").get("pattern").asString());
    }

    @Test
    void theEncodersAcceptWhatSystemdReads() {
        for (String duration : List.of("90s", "1min 30s", "1min30s", "2h", "500ms", "10", "1.5s")) {
            assertEquals(duration, Value.duration(duration).text());
        }
        for (String quantity : List.of("512M", "1G", "50%", "infinity", "4096")) {
            assertEquals(quantity, Value.quantity(quantity).text());
        }
        for (String bad : List.of("", "30 parsecs", "1 min x", "-1s", "soon", "infinity")) {
            org.junit.jupiter.api.Assertions.assertFalse(Value.isDuration(bad), bad);
        }
        for (String timeout : List.of("infinity", "90s", "1min 30s", "0")) {
            assertEquals(timeout, Value.timeout(timeout).text());
        }
        for (String bad : List.of("", "Infinity", "inf", "forever", "infinity 5s", "-1s")) {
            org.junit.jupiter.api.Assertions.assertFalse(Value.isTimeout(bad), bad);
        }
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.get("type");
        if (type == null) {
            return types;
        }
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else {
            types.add(type.asString());
        }
        return types;
    }
}
