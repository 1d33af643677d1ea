package dev.berth.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.load.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import tools.jackson.databind.JsonNode;

/**
 * Whatever is wrong and wherever, berth answers in words: the catalogue and the findings about every key of the
 * schema, each given values of every wrong kind, hold no regular expression, and every hint says something.
 */
class MessageWordingTest {
    /** Values of every kind, wrong for most keys: a list, a mapping, text of no format, numbers out of range, a boolean. */
    private static final List<Object> WRONG = List.of(List.of("a b"), Map.of("no such key", 1), "?? not this ??",
            -5L, 99_999_999_999L, true, "");

    @Test
    void theCatalogueSpeaksInWords() {
        List<String> found = new ArrayList<>();
        for (Code code : Code.values()) {
            for (String text : List.of(code.title(), code.explanation())) {
                if (Wording.looksLikeRegex(text)) {
                    found.add(code + ": " + text);
                }
            }
        }
        assertTrue(found.isEmpty(), "regular expressions in the catalogue:\n" + String.join("\n", found));
    }

    @Test
    void everyFormatOfTheSchemaHasWordsAndAnExample() {
        List<String> found = new ArrayList<>();
        JsonNode defs = SchemaFields.SCHEMA.path("$defs");
        for (String name : defs.propertyNames()) {
            JsonNode def = defs.path(name);
            if (def.has("pattern") && !(def.has("title") && def.has("description") && def.path("examples").size() > 0
                    && Formats.known(name))) {
                found.add(name);
            }
        }
        List<String> inline = new ArrayList<>();
        collectPatterns(SchemaFields.SCHEMA, "", inline);
        assertTrue(found.isEmpty(), "formats without a title, a description, examples or an entry in Formats: " + found);
        assertTrue(inline.isEmpty(), "patterns outside a $defs entry of their own, which no message can name: " + inline);
    }

    private static void collectPatterns(JsonNode node, String where, List<String> found) {
        if (node.isObject()) {
            if (node.has("pattern") && !where.matches("/\\$defs/[^/]+")) {
                found.add(where);
            }
            node.propertyNames().forEach(k -> collectPatterns(node.path(k), where + "/" + k, found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectPatterns(node.get(i), where + "/" + i, found);
            }
        }
    }

    static Stream<SchemaFields.Field> leaves() {
        return SchemaFields.all().stream().filter(SchemaFields.Field::leaf);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaves")
    void everyKeyGivenAnyWrongValueIsAnsweredInWordsOnce(SchemaFields.Field field) {
        List<String> problems = new ArrayList<>();
        for (Object wrong : WRONG) {
            String at = concrete(field.path());
            String badName = "?? " + wrong + " ??";
            Object config;
            if (field.name()) {
                // the entry's name is the mistake: a wrong name with any value, and only what is said about the name
                at = at.substring(0, at.lastIndexOf('/') + 1) + badName;
                String[] parent = at.substring(1, at.lastIndexOf('/')).split("/");
                config = nested(parent, 0, Map.of(badName, "x"));
            } else {
                config = nested(at.substring(1).split("/"), 0, wrong);
            }
            String yaml = new Dump(DumpSettings.builder().build()).dumpToString(withVersion(config));
            String prefix = at;
            List<Diagnostic> here = Berth.validate(new Source("berth.yaml", yaml)).diagnostics().all().stream()
                    .filter(d -> d.path().equals(prefix) || d.path().startsWith(prefix + "/"))
                    .filter(d -> !field.name() || d.summary().contains(badName)).toList();
            // a mapping of an unknown key where a required one belongs: two mistakes, the key and the missing one;
            // and what is said about the made-up name of the mapping's entry is about a mistake of its own
            boolean twoMistakes = here.stream().allMatch(d -> d.code() == Code.S002 || d.code() == Code.S003);
            long aboutTheValue = here.stream().filter(d -> field.name() || !d.summary().contains("'no such key'")).count();
            if (aboutTheValue > 1 && !twoMistakes) {
                problems.add(wrong + ": " + here.size() + " diagnostics for one mistake: " + here);
            }
            for (Diagnostic d : here) {
                if (Wording.looksLikeRegex(d.summary())) {
                    problems.add(wrong + ": a regular expression in: " + d.summary());
                }
                String hint = Wording.hintProblem(d.hint());
                if (hint != null) {
                    problems.add(wrong + ": " + hint + ": " + d.hint());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The path with a name for each {@code *} and an index for each {@code []}. */
    private static String concrete(String template) {
        StringBuilder out = new StringBuilder();
        String previous = "";
        String beforePrevious = "";
        for (String segment : template.substring(1).split("/")) {
            String name = switch (segment) {
                case "[]" -> "0";
                case "*" -> previous.equals("drop-ins") ? "x.service" : beforePrevious.equals("drop-ins") ? "a.conf"
                        : previous.equals("settings") ? "Service" : beforePrevious.equals("settings") ? "Nice" : "x";
                default -> segment;
            };
            out.append('/').append(name);
            beforePrevious = previous;
            previous = segment;
        }
        return out.toString();
    }

    private static Object nested(String[] segments, int from, Object leaf) {
        if (from == segments.length) {
            return leaf;
        }
        Object inner = nested(segments, from + 1, leaf);
        if (segments[from].matches("[0-9]+")) {
            return List.of(inner);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(segments[from], inner);
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Object withVersion(Object config) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("berth", 1);
        root.put("containers", Map.of());
        root.putAll((Map<String, Object>) config);
        return root;
    }
}
