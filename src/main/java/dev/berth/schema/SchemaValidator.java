package dev.berth.schema;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.load.Document;
import dev.berth.load.JsonPointer;
import dev.berth.parallel.Parallel;
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
    private final SchemaMessages messages;
    /** The {@code $defs} entries suggestions are checked against, each made a schema once. */
    private final Map<String, Schema> formats = new java.util.concurrent.ConcurrentHashMap<>();

    /** Containers validated side by side when there are this many: each is checked against its definition alone. */

    /** Built once per process: the schema library, its JSON library and the schema itself take long to load. */
    private static final Preloaded<SchemaValidator> INSTANCE = new Preloaded<>("schema", SchemaValidator::new);

    private SchemaValidator() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.nodeReader(new JsonTreeReader()).schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));
        String text = SchemaText.read();
        schema = registry.getSchema(SchemaLocation.of("classpath:" + RESOURCE), text, InputFormat.JSON);
        keys = new SchemaKeys(schema.getSchemaNode());
        messages = new SchemaMessages(keys, this::validAs);
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
                || !Parallel.pays(containers.size())) {
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
        report(schema.validate(restJson), "", restJson, diagnostics);
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
            if (!errors[i].isEmpty()) {
                report(errors[i], prefix, reported[i], diagnostics);
            }
        }
    }

    /** The whole document at once: what validating a large one container by container must match. */
    void validateWhole(JsonNode json, Diagnostics diagnostics) {
        report(schema.validate(json), "", json, diagnostics);
    }

    /**
     * The findings of one validation as diagnostics: one per mistake. A key of several shapes reports the shape
     * the value has (or that it has none of them), and a value breaking several rules at once reports the first
     * it breaks: its type, then the values allowed, its length, its form.
     *
     * @param validated the node validated (the document, or a container), at {@code prefix} in the document
     */
    private void report(List<com.networknt.schema.Error> errors, String prefix, JsonNode validated, Diagnostics diagnostics) {
        OneOfSelection.Result selected = OneOfSelection.select(errors, validated, keys);
        for (com.networknt.schema.Error error : FirstRuleBroken.of(selected.errors())) {
            String relative = pointer(error.getInstanceLocation());
            messages.report(error, prefix + relative, validated, relative, diagnostics);
        }
        for (com.networknt.schema.Error choice : selected.mismatches()) {
            String relative = pointer(choice.getInstanceLocation());
            messages.shapeMismatch(choice, prefix + relative, validated, relative, diagnostics);
        }
    }

    /** Whether a value is valid as the {@code $defs} entry of that name. */
    private boolean validAs(String def, JsonNode value) {
        Schema format = formats.computeIfAbsent(def,
                d -> schema.getSubSchema(new NodePath(PathType.JSON_POINTER).append("$defs").append(d)));
        return format.validate(value).isEmpty();
    }

    /**
     * Reports every number that no key of the schema could take: beyond 64 bits, or not finite. YAML's {@code .inf}
     * where the key takes the word {@code infinity} is answered with the word.
     */
    private boolean numbersOutOfRange(Object value, List<Object> path, Diagnostics diagnostics) {
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
            boolean takesInfinity = value instanceof Double d && d == Double.POSITIVE_INFINITY && keys.at(pointer)
                    .flatMap(SchemaKeys::defName).filter(def -> validAs(def, JSON.stringNode("infinity"))).isPresent();
            diagnostics.error(Code.S005, pointer, "the number " + value + " is out of range", takesInfinity
                    ? "did you mean `infinity`? The key takes the word, where YAML's .inf is a number"
                    : "no setting takes a number this large; write the value berth expects (see 'berth schema')");
            found = true;
        }
        return found;
    }

    static String pointer(NodePath location) {
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
