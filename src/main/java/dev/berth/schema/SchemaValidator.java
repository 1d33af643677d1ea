package dev.berth.schema;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import dev.berth.check.suggest.CommandWords;
import dev.berth.check.suggest.PlainPath;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.load.Document;
import dev.berth.load.JsonPointer;
import dev.berth.preload.Preloaded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a document against {@code schemas/berth.schema.json} and turns each violation into a
 * diagnostic at the offending config path. The schema is parsed once per process.
 */
public final class SchemaValidator {
    static final String RESOURCE = "schemas/berth.schema.json";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Schema schema;
    private final SchemaKeys keys;

    /** Containers validated side by side when there are this many: each is checked against its definition alone. */
    private static final int PARALLEL_FROM = 256;

    /** Built once per process: the schema library, its JSON library and the schema itself take long to load. */
    private static final Preloaded<SchemaValidator> INSTANCE = new Preloaded<>("schema", SchemaValidator::new);

    private SchemaValidator() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.nodeReader(new JsonTreeReader()).schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));
        String text = SchemaText.read();
        schema = registry.getSchema(SchemaLocation.of("classpath:" + RESOURCE), text, InputFormat.JSON);
        keys = new SchemaKeys(schema.getSchemaNode());
    }

    public static SchemaValidator get() {
        return INSTANCE.get();
    }

    /** Starts loading the validator on another thread, so it is ready when the document is. */
    public static void preload() {
        INSTANCE.start();
    }

    public void validate(Document document, Diagnostics diagnostics) {
        // the validator reads integers as 64-bit longs and fails on anything larger: no key takes such a number
        if (numbersOutOfRange(document.root(), new ArrayList<>(), diagnostics)) {
            return;
        }
        Object root = document.root();
        if (!(root instanceof Map<?, ?> map) || !(map.get("containers") instanceof Map<?, ?> containers)
                || containers.size() < PARALLEL_FROM) {
            validateWhole(toJson(root), diagnostics);
            return;
        }
        // the document without its containers, then the containers side by side against their definition: the
        // same findings as the whole document at once (each container's are made the same way, by the same
        // subschema), and the root's, which name no container, come first. Each container is made JSON on its
        // thread and kept only if it has findings to report: the whole document never exists twice.
        Map<Object, Object> rest = new LinkedHashMap<>(map);
        rest.put("containers", Map.of());
        JsonNode restJson = toJson(rest);
        for (com.networknt.schema.Error error : schema.validate(restJson)) {
            report(error, "", restJson, diagnostics);
        }
        Schema container = schema.getSubSchema(new NodePath(PathType.JSON_POINTER).append("$defs").append("container"));
        List<Object> names = new ArrayList<>(containers.keySet());
        @SuppressWarnings("unchecked")
        List<com.networknt.schema.Error>[] errors = new List[names.size()];
        JsonNode[] reported = new JsonNode[names.size()];
        IntStream.range(0, names.size()).parallel().forEach(i -> {
            JsonNode json = toJson(containers.get(names.get(i)));
            errors[i] = container.validate(json);
            reported[i] = errors[i].isEmpty() ? null : json;
        });
        for (int i = 0; i < names.size(); i++) {
            String prefix = JsonPointer.child(JsonPointer.child("", "containers"), (String) names.get(i));
            for (com.networknt.schema.Error error : errors[i]) {
                report(error, prefix, reported[i], diagnostics);
            }
        }
    }

    /** The whole document at once: what validating a large one container by container must match. */
    void validateWhole(JsonNode json, Diagnostics diagnostics) {
        for (com.networknt.schema.Error error : schema.validate(json)) {
            report(error, "", json, diagnostics);
        }
    }

    /**
     * One schema error as a diagnostic. The schema owns form (types, keys, enums, patterns, counts), but
     * a few of its checks find what the value rules also find; those keep the value rules' codes, so a
     * user sees one code for one mistake whichever layer caught it first: an empty or over-long string
     * (V004, V005) and a path that is not absolute (F001).
     */
    /** @param validated the node validated (the document, or a container), at {@code prefix} in the document */
    private void report(com.networknt.schema.Error error, String prefix, JsonNode validated, Diagnostics diagnostics) {
        String relative = pointer(error.getInstanceLocation());
        String path = prefix + relative;
        String keyword = error.getKeyword();
        JsonNode instance = validated.at(relative);
        String location = String.valueOf(error.getSchemaLocation());
        if (keyword.equals("minLength") && instance.isString() && instance.asString().isEmpty()) {
            diagnostics.error(Code.V004, path, "the value is empty",
                    "remove the key to use the default, or give a value" + keys.describe(path).map(d -> " (" + d + ")").orElse(""));
            return;
        }
        if (keyword.equals("maxLength") && instance.isString()) {
            diagnostics.error(Code.V005, path, "the value is " + instance.asString().codePointCount(0, instance.asString().length())
                    + " characters long; it " + error.getMessage(), "shorten it, or move long content into a file the service reads");
            return;
        }
        if (keyword.equals("pattern") && (location.endsWith("/$defs/path/pattern") || location.endsWith("/working-directory/pattern"))) {
            diagnostics.error(Code.F001, path, "'" + instance.asString() + "' is not an absolute path",
                    "write the absolute path: " + PlainPath.meantAt(path, instance.asString()));
            return;
        }
        switch (keyword) {
            case "additionalProperties" -> {
                String key = error.getProperty();
                String keyPath = JsonPointer.child(path, key);
                String hint = DidYouMean.closest(key, keys.allowedAt(path))
                        .map(k -> "did you mean '" + k + "'?")
                        .orElse("known keys here: " + String.join(", ", keys.allowedAt(path)));
                diagnostics.error(Code.S002, keyPath, "unknown key '" + key + "'", hint);
            }
            case "required" -> diagnostics.error(Code.S003, path, "missing required key '" + error.getProperty() + "'",
                    "add '" + error.getProperty() + ":' here" + keys.describe(JsonPointer.child(path, error.getProperty()))
                            .map(d -> " (" + d + ")").orElse(""));
            case "type" -> diagnostics.error(Code.S001, path, "expected " + expectedTypes(error.getSchemaNode())
                            + ", found " + typeName(error.getInstanceNode()),
                    instance.isString() && path.endsWith("/exec") ? CommandWords.listHint("exec", instance.asString())
                            : keys.describe(path).orElse("see 'berth schema' for the expected type"));
            case "enum" -> diagnostics.error(Code.S004, path, shown(error.getInstanceNode()) + " is not allowed here",
                    "use one of: " + allowed(error.getSchemaNode()));
            case "const" -> diagnostics.error(Code.S004, path, shown(error.getInstanceNode()) + " is not allowed here",
                    "the only value is " + error.getSchemaNode());
            default -> diagnostics.error(Code.S005, path, error.getMessage(),
                    keys.describe(path).orElse("see 'berth schema'"));
        }
    }

    private static String expectedTypes(JsonNode type) {
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(t -> names.add(t.asString()));
            return String.join(" or ", names);
        }
        return type.asString();
    }

    private static String typeName(JsonNode value) {
        if (value == null) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            case STRING -> "a string";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "an empty value";
            default -> value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return "the value";
        }
        String text = value.isString() ? "'" + value.asString() + "'" : value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String allowed(JsonNode values) {
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.isString() ? v.asString() : v.toString()));
        return String.join(", ", names);
    }

    /** Reports every number that no key of the schema could take: beyond 64 bits, or not finite. */
    private static boolean numbersOutOfRange(Object value, List<Object> path, Diagnostics diagnostics) {
        // the path is kept as keys and indexes and made a pointer only for a finding: a large config has half a
        // million values, and almost never such a number
        boolean found = false;
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                path.add(e.getKey());
                found |= numbersOutOfRange(e.getValue(), path, diagnostics);
                path.remove(path.size() - 1);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                path.add(i);
                found |= numbersOutOfRange(list.get(i), path, diagnostics);
                path.remove(path.size() - 1);
            }
        } else if (value instanceof java.math.BigInteger || value instanceof Double d && (!Double.isFinite(d)
                || Math.abs(d) >= 0x1p53)) {
            String pointer = "";
            for (Object element : path) {
                pointer = element instanceof Integer index ? JsonPointer.child(pointer, index) : JsonPointer.child(pointer, (String) element);
            }
            diagnostics.error(Code.S005, pointer, "the number " + value + " is out of range",
                    "no setting takes a number this large; write the value berth expects (see 'berth schema')");
            found = true;
        }
        return found;
    }

    private static String pointer(NodePath location) {
        String p = "";
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            p = element instanceof Integer index ? JsonPointer.child(p, index) : JsonPointer.child(p, String.valueOf(element));
        }
        return p;
    }

    static JsonNode toJson(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = JSON.objectNode();
            map.forEach((k, v) -> node.set((String) k, toJson(v)));
            return node;
        }
        if (value instanceof List<?> list) {
            ArrayNode node = JSON.arrayNode(list.size());
            list.forEach(v -> node.add(toJson(v)));
            return node;
        }
        if (value instanceof String s) {
            return JSON.stringNode(s);
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (value instanceof java.math.BigInteger big) {
            return JSON.numberNode(big);
        }
        if (value instanceof Double d) {
            return JSON.numberNode(d);
        }
        throw new IllegalArgumentException("unexpected value type " + value.getClass());
    }
}
