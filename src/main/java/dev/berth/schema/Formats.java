package dev.berth.schema;

import dev.berth.diag.Code;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What berth does beyond the schema for each format of {@code $defs} (a time span, a unit name, a path...):
 * the code a value of the wrong form is reported with, and how to find the valid value nearest to it. The words
 * (what the format is, its rule and examples) are the {@code $defs} entry's title, description and examples.
 */
final class Formats {
    /** The valid value nearest to a wrong one, given the document the value stands in and its pointer. */
    interface Nearest {
        Optional<JsonNode> find(JsonNode value, JsonNode document, String pointer);
    }

    record Format(Code code, Nearest nearest) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Format PLAIN = new Format(Code.S005, (v, d, p) -> Optional.empty());

    private static final Map<String, Format> TABLE = Map.ofEntries(
            Map.entry("path", new Format(Code.F001, string(Suggestions::path))),
            Map.entry("working-directory", new Format(Code.F001, string(Suggestions::path))),
            Map.entry("size", new Format(Code.S005, text(Suggestions::size))),
            Map.entry("cpu-quota", new Format(Code.S005, text(Suggestions::percent))),
            Map.entry("task-count", new Format(Code.S005, text(Suggestions::taskCount))),
            Map.entry("file-count", new Format(Code.S005, text(Suggestions::fileCount))),
            Map.entry("section-name", new Format(Code.H002, text(Suggestions::section))),
            Map.entry("directive-name", new Format(Code.C004, text(Suggestions::directive))),
            Map.entry("environment-name", new Format(Code.V009, text(Suggestions::environmentName))),
            Map.entry("file-mode", new Format(Code.S005, text(Suggestions::fileMode))),
            Map.entry("duration", new Format(Code.S005, text(Suggestions::duration))),
            Map.entry("nonzero-duration", new Format(Code.S005, text(Suggestions::duration))),
            Map.entry("timeout", new Format(Code.S005, text(Suggestions::timeout))),
            Map.entry("capability", new Format(Code.S005, text(Suggestions::capability))),
            Map.entry("unit-name", new Format(Code.S005, text(Suggestions::unitName))),
            Map.entry("package-name", new Format(Code.S005, text(Suggestions::packageName))),
            Map.entry("relative-directory", new Format(Code.S005, text(Suggestions::relativeDirectory))),
            Map.entry("account", new Format(Code.S005, (v, d, p) -> Suggestions.account(v))),
            Map.entry("port-name", new Format(Code.S001, Suggestions::portName)));

    private Formats() {
    }

    /** The format of a {@code $defs} entry; entries berth has nothing to add to are reported as S005. */
    static Format of(String defName) {
        return TABLE.getOrDefault(defName, PLAIN);
    }

    /** Whether berth knows the format: a test checks that every pattern of the schema belongs to one. */
    static boolean known(String defName) {
        return TABLE.containsKey(defName);
    }

    /** A suggester for a value written as text; a number or a boolean is taken as its text ({@code 30} seconds). */
    private static Nearest text(Function<String, Optional<String>> nearest) {
        return (value, document, pointer) -> {
            String text = value.isString() ? value.asString() : value.isNumber() || value.isBoolean() ? value.asString() : null;
            return text == null ? Optional.empty() : nearest.apply(text).map(JSON::stringNode);
        };
    }

    /** A suggester for strings only: a number is no misspelt path. */
    private static Nearest string(Function<String, Optional<String>> nearest) {
        return (value, document, pointer) -> value.isString() ? nearest.apply(value.asString()).map(JSON::stringNode) : Optional.empty();
    }
}
