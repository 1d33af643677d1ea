package dev.berth.schema;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value that breaks several rules of its key at once (an empty runtime directory is both too short and not a
 * directory name; {@code abc} for idle-stop is neither a time span nor one longer than zero) is one mistake: only
 * the first rule it breaks is reported, in the order type, allowed values, length, form, range. Of two rules of
 * one kind, the more basic one wins: the one reached through more references (a time span before the idle
 * time built on it). And a required key written misspelt ({@code pth: /etc/x}) is one mistake, not an unknown
 * key and a missing one: the unknown key is reported, with the required key as its correction.
 */
final class FirstRuleBroken {
    private static final List<String> ORDER = List.of("type", "const", "enum", "minLength", "maxLength", "pattern",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "format");

    private FirstRuleBroken() {
    }

    static List<Error> of(List<Error> errors) {
        Map<String, Error> firstPerValue = new LinkedHashMap<>();
        List<Error> out = new ArrayList<>();
        for (Error error : errors) {
            if (error.getKeyword().equals("required") && misspelt(error, errors)) {
                continue;
            }
            if (!ORDER.contains(error.getKeyword())) {
                out.add(error);
                continue;
            }
            firstPerValue.merge(String.valueOf(error.getInstanceLocation()), error, FirstRuleBroken::earlier);
        }
        out.addAll(firstPerValue.values());
        return out;
    }

    private static boolean misspelt(Error required, List<Error> errors) {
        String where = String.valueOf(required.getInstanceLocation());
        return errors.stream().anyMatch(e -> e.getKeyword().equals("additionalProperties")
                && String.valueOf(e.getInstanceLocation()).equals(where)
                && DidYouMean.closest(e.getProperty(), List.of(required.getProperty())).isPresent());
    }

    private static Error earlier(Error a, Error b) {
        int rank = Integer.compare(ORDER.indexOf(a.getKeyword()), ORDER.indexOf(b.getKeyword()));
        if (rank != 0) {
            return rank < 0 ? a : b;
        }
        return OneOfSelection.evaluation(b).length() > OneOfSelection.evaluation(a).length() ? b : a;
    }
}
