package dev.berth.schema;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One mistake in a key that takes several shapes (oneOf: {@code sandbox: false} or a mapping) is one finding.
 * The validator reports every branch's complaint plus "valid to one and only one schema"; here the shape of the
 * value picks the branch the user meant (a mapping: the mapping branch) and only that branch's findings are kept.
 * When no branch takes a value of that shape, the oneOf itself is kept as a shape mismatch, and the branches'
 * findings are dropped.
 */
final class OneOfSelection {
    /** The findings to report, and the oneOf findings whose value fits none of the shapes. */
    record Result(List<Error> errors, List<Error> mismatches) {
    }

    private OneOfSelection() {
    }

    static Result select(List<Error> errors, JsonNode validated, SchemaKeys keys) {
        Set<Error> kept = new LinkedHashSet<>(errors);
        List<Error> mismatches = new ArrayList<>();
        List<Error> choices = errors.stream().filter(e -> e.getKeyword().equals("oneOf") || e.getKeyword().equals("anyOf"))
                .sorted(Comparator.comparingInt(e -> evaluation(e).length())).toList();
        for (Error choice : choices) {
            if (!kept.contains(choice)) {
                continue; // inside a branch an outer choice dropped
            }
            String base = evaluation(choice) + "/";
            List<Error> inBranches = kept.stream().filter(e -> evaluation(e).startsWith(base)).toList();
            if (inBranches.isEmpty()) {
                continue; // more than one branch valid: nothing to choose from
            }
            JsonNode branches = keys.root().at(fragment(choice));
            JsonNode instance = validated.at(SchemaValidator.pointer(choice.getInstanceLocation()));
            int chosen = -1;
            long fewest = Long.MAX_VALUE;
            for (int i = 0; i < branches.size(); i++) {
                if (takes(keys.deref(branches.get(i)), instance)) {
                    String prefix = base + i + "/";
                    long count = inBranches.stream().filter(e -> evaluation(e).startsWith(prefix)).count();
                    if (count < fewest) {
                        fewest = count;
                        chosen = i;
                    }
                }
            }
            kept.remove(choice);
            boolean fits = chosen >= 0;
            String keep = base + chosen + "/";
            inBranches.stream().filter(e -> !fits || !evaluation(e).startsWith(keep)).forEach(kept::remove);
            if (!fits) {
                mismatches.add(choice);
            }
        }
        return new Result(List.copyOf(kept), mismatches);
    }

    /** Whether a branch accepts values of the instance's JSON type (whatever else it requires of them). */
    private static boolean takes(JsonNode branch, JsonNode instance) {
        Set<String> types = new HashSet<>();
        JsonNode type = branch.path("type");
        if (type.isString()) {
            types.add(type.asString());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else if (branch.has("enum") || branch.has("const")) {
            for (JsonNode value : branch.has("enum") ? branch.path("enum") : List.of(branch.path("const"))) {
                types.add(typeOf(value));
            }
        } else {
            return true;
        }
        String actual = typeOf(instance);
        return types.contains(actual) || actual.equals("integer") && types.contains("number");
    }

    private static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
            default -> "null";
        };
    }

    static String evaluation(Error error) {
        return String.valueOf(error.getEvaluationPath());
    }

    /** The location in the schema file of the keyword that failed, as a JSON pointer ({@code /$defs/path/pattern}). */
    static String fragment(Error error) {
        String location = String.valueOf(error.getSchemaLocation());
        int hash = location.indexOf('#');
        return hash < 0 ? "" : location.substring(hash + 1);
    }
}
