package dev.berth.schema;

import dev.berth.check.suggest.CommandWords;
import com.networknt.schema.Error;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.load.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Schema findings in words: what is wrong, and a hint with a value to write (the nearest valid value where berth
 * can tell, else an example from the schema). A format's words are its {@code $defs} entry's title and
 * description; no message shows a regular expression.
 */
final class SchemaMessages {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SchemaKeys keys;
    /** Whether a value is valid as the {@code $defs} entry of that name: suggestions are checked before they are made. */
    private final BiPredicate<String, JsonNode> validAs;

    SchemaMessages(SchemaKeys keys, BiPredicate<String, JsonNode> validAs) {
        this.keys = keys;
        this.validAs = validAs;
    }

    /**
     * One finding as a diagnostic. The schema owns form (types, keys, enums, patterns, counts), but a few of its
     * checks find what the value rules also find; those keep the value rules' codes, so a user sees one code for
     * one mistake whichever layer caught it first: an empty or over-long string (V004, V005), a path that is not
     * absolute (F001), an environment variable name (V009).
     *
     * @param path      where the finding is in the document
     * @param document  the node validated (the document, or a container), with {@code relative} its pointer there
     */
    void report(Error error, String path, JsonNode document, String relative, Diagnostics diagnostics) {
        JsonNode instance = document.at(relative);
        switch (error.getKeyword()) {
            case "minLength" -> {
                if (instance.isString() && instance.asString().isEmpty()) {
                    diagnostics.error(Code.V004, path, "the value is empty",
                            "remove the key to use the default, or give a value" + keys.describe(path).map(d -> " (" + d + ")").orElse(""));
                } else {
                    diagnostics.error(Code.S005, path, error.getMessage(), described(path));
                }
            }
            case "maxLength" -> diagnostics.error(Code.V005, path, "the value is "
                            + instance.asString().codePointCount(0, instance.asString().length()) + " characters long; it " + error.getMessage(),
                    "shorten it, or move long content into a file the service reads");
            case "pattern" -> wrongForm(OneOfSelection.fragment(error), instance, path, document, relative, false, diagnostics);
            case "propertyNames" -> {
                String key = error.getProperty();
                String fragment = OneOfSelection.fragment(error);
                wrongForm(fragment, JSON.stringNode(key), JsonPointer.child(path, key), document, JsonPointer.child(relative, key),
                        true, diagnostics);
            }
            case "additionalProperties" -> {
                String key = error.getProperty();
                String fragment = OneOfSelection.fragment(error);
                List<String> known = keys.keysOf(fragment.substring(0, fragment.lastIndexOf('/')));
                String hint = DidYouMean.closest(key, known).map(k -> "did you mean '" + k + "'?")
                        .orElse(known.isEmpty() ? "remove it: this mapping takes no keys" : "known keys here: " + String.join(", ", known));
                diagnostics.error(Code.S002, JsonPointer.child(path, key), "unknown key '" + key + "'", hint);
            }
            case "required" -> diagnostics.error(Code.S003, path, "missing required key '" + error.getProperty() + "'",
                    "add '" + error.getProperty() + ":' here" + keys.describe(JsonPointer.child(path, error.getProperty()))
                            .map(d -> " (" + d + ")").orElse(""));
            case "type" -> wrongType(error.getSchemaNode(), instance, path, document, relative, diagnostics);
            case "enum" -> notAllowed(error.getSchemaNode(), instance, path, diagnostics);
            case "const" -> diagnostics.error(Code.S004, path, shown(instance) + " is not allowed here",
                    "the only value is `" + FlowYaml.write(error.getSchemaNode()) + "`");
            default -> diagnostics.error(Code.S005, path, error.getMessage(), described(path));
        }
    }

    /** A value (or a key) that breaks its format: the format's words, and the nearest valid value or an example. */
    private void wrongForm(String fragment, JsonNode value, String path, JsonNode document, String relative, boolean isKey,
                           Diagnostics diagnostics) {
        JsonNode checked = keys.root().at(fragment);
        Optional<String> def = fragment.matches("/\\$defs/[^/]+/pattern") ? Optional.of(fragment.split("/")[2])
                : SchemaKeys.defName(checked);
        JsonNode format = def.map(d -> keys.root().path("$defs").path(d)).orElse(checked);
        String what = format.path("title").asString("a value of the expected form");
        String rule = format.path("description").asString("");
        Code code = def.map(d -> Formats.of(d).code()).orElse(Code.S005);
        Optional<JsonNode> nearest = def.flatMap(d -> Formats.of(d).nearest().find(value, document, relative)
                .filter(v -> validAs.test(d, v)));
        String summary = shown(value) + " is not " + what + (rule.isEmpty() ? "" : ": " + rule);
        String hint = nearest.map(v -> "did you mean `" + FlowYaml.write(v) + "`?")
                .orElseGet(() -> (isKey ? keys.example(format) : keys.example(path).or(() -> keys.example(format)))
                        .map(e -> "e.g. `" + (isKey ? FlowYaml.write(e) : FlowYaml.entry(path, e)) + "`").orElse(rule));
        diagnostics.error(code, path, summary, hint);
    }

    private void wrongType(JsonNode expected, JsonNode instance, String path, JsonNode document, String relative,
                           Diagnostics diagnostics) {
        List<String> types = new ArrayList<>();
        if (expected.isArray()) {
            expected.forEach(t -> types.add(t.asString()));
        } else {
            types.add(expected.asString());
        }
        Optional<JsonNode> nearest = coerced(instance, types, path, document, relative);
        String hint = instance.isString() && path.endsWith("/exec") ? CommandWords.listHint("exec", instance.asString())
                : nearest.map(v -> "did you mean `" + FlowYaml.write(v) + "`?").orElseGet(() -> described(path));
        diagnostics.error(Code.S001, path, "expected " + String.join(" or ", types) + ", found " + typeName(instance), hint);
    }

    /** The value written in the type the key takes: "yes" for a boolean, "8080" for a number, 30 for a time span. */
    private Optional<JsonNode> coerced(JsonNode instance, List<String> types, String path, JsonNode document, String relative) {
        String text = instance.isString() ? instance.asString().strip().toLowerCase(Locale.ROOT) : null;
        if (text != null && types.contains("boolean")) {
            if (List.of("yes", "true", "on", "1").contains(text)) {
                return Optional.of(JSON.booleanNode(true));
            }
            if (List.of("no", "false", "off", "0").contains(text)) {
                return Optional.of(JSON.booleanNode(false));
            }
        }
        if (text != null && types.contains("integer") && text.matches("[0-9]{1,15}")) {
            return Optional.of(JSON.numberNode(Long.parseLong(text)));
        }
        if (types.contains("string") && (instance.isNumber() || instance.isBoolean())) {
            Optional<String> def = keys.at(path).flatMap(SchemaKeys::defName);
            if (def.isPresent()) {
                return Formats.of(def.get()).nearest().find(instance, document, relative).filter(v -> validAs.test(def.get(), v));
            }
        }
        return Optional.empty();
    }

    private void notAllowed(JsonNode allowed, JsonNode instance, String path, Diagnostics diagnostics) {
        List<String> names = new ArrayList<>();
        allowed.forEach(v -> names.add(v.isString() ? v.asString() : v.toString()));
        Optional<JsonNode> nearest = Optional.empty();
        if (instance.isString() || instance.isNumber()) {
            String text = instance.asString();
            nearest = DidYouMean.closest(text, names).flatMap(n -> find(allowed, n))
                    .or(() -> List.of("yes", "on").contains(text.toLowerCase(Locale.ROOT)) ? find(allowed, "true") : Optional.empty())
                    .or(() -> List.of("no", "off").contains(text.toLowerCase(Locale.ROOT)) ? find(allowed, "false") : Optional.empty());
        }
        String list = String.join(", ", names);
        String hint = nearest.map(v -> "did you mean `" + FlowYaml.write(v) + "`? The values are: " + list).orElse("use one of: " + list);
        diagnostics.error(Code.S004, path, shown(instance) + " is not allowed here", hint);
    }

    private static Optional<JsonNode> find(JsonNode allowed, String name) {
        for (JsonNode v : allowed) {
            if ((v.isString() ? v.asString() : v.toString()).equals(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * A key that takes several shapes got a value of none of them: one finding naming each shape, with an example
     * of each (the nearest valid value, where berth can tell, for the first).
     */
    void shapeMismatch(Error choice, String path, JsonNode document, String relative, Diagnostics diagnostics) {
        JsonNode instance = document.at(relative);
        List<String> shapes = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        for (JsonNode branch : keys.root().at(OneOfSelection.fragment(choice))) {
            shapes.add(keys.annotation(branch, "title").map(t -> t.asString()).orElse(String.valueOf(keys.deref(branch).path("type"))));
            Optional<JsonNode> example = SchemaKeys.defName(branch)
                    .flatMap(d -> Formats.of(d).nearest().find(instance, document, relative).filter(v -> validAs.test(d, v)))
                    .or(() -> keys.example(branch));
            example.ifPresent(e -> examples.add("`" + FlowYaml.entry(path, e) + "`"));
        }
        diagnostics.error(Code.S001, path, field(path) + " takes " + String.join(", or ", shapes) + "; found " + typeName(instance),
                "e.g. " + String.join(" or ", examples));
    }

    /** How a message names the key at a path: {@code port}, or {@code an item of environment-files}. */
    private static String field(String path) {
        String key = SchemaKeys.lastSegment(path);
        if (!key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
            return "an item of " + SchemaKeys.lastSegment(JsonPointer.parent(path));
        }
        return key.isEmpty() ? "the document" : key;
    }

    /** The key's description with an example of it: the hint for a value of the wrong type or range. */
    private String described(String path) {
        String description = keys.describe(path).orElse("");
        Optional<String> example = keys.example(path).map(e -> "`" + FlowYaml.entry(path, e) + "`");
        if (example.isEmpty()) {
            return description.isEmpty() ? "see 'berth schema' for what this key takes" : description;
        }
        return description.isEmpty() ? "e.g. " + example.get()
                : description + (description.endsWith(".") ? " " : ". ") + "For example: " + example.get();
    }

    static String typeName(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            case STRING -> "a string";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "an empty value";
            default -> value.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    private static String shown(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "the value";
        }
        String text = value.isString() ? "'" + value.asString() + "'" : value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
