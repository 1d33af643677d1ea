package dev.berth.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A value written as YAML on one line ({@code {protect-home: true}}, {@code [http, https]}), so that a hint can
 * show what to write and the user can paste it. A string that YAML would read as something else (a number, a
 * boolean, a mapping) is quoted.
 */
final class FlowYaml {
    /** Scalars the loader (YAML 1.2 core schema) reads as a number, a boolean or null. */
    private static final Pattern NOT_A_STRING = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7_]+"
                    + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~");
    /** A plain scalar that stays one string inside a flow collection. */
    private static final Pattern PLAIN = Pattern.compile("(-(?=\\S)|[^-?:,\\[\\]{}#&*!|>'\"%@`\\s])[^,\\[\\]{}#\\n]*");

    private FlowYaml() {
    }

    static String write(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(write(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isObject()) {
            List<String> entries = new ArrayList<>();
            value.properties().forEach(e -> entries.add(string(e.getKey()) + ": " + write(e.getValue())));
            return "{" + String.join(", ", entries) + "}";
        }
        if (value.isString()) {
            return string(value.asString());
        }
        return value.toString();
    }

    /** {@code key: value}, or the value alone for a list item (whose pointer ends in an index). */
    static String entry(String pointer, JsonNode value) {
        String key = SchemaKeys.lastSegment(pointer);
        return key.isEmpty() || key.chars().allMatch(Character::isDigit) ? write(value) : string(key) + ": " + write(value);
    }

    private static String string(String text) {
        boolean plain = PLAIN.matcher(text).matches() && !NOT_A_STRING.matcher(text).matches()
                && !text.endsWith(" ") && !text.contains(": ") && !text.contains(" #") && !text.endsWith(":");
        return plain ? text : "'" + text.replace("'", "''") + "'";
    }
}
