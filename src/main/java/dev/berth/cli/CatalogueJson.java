package dev.berth.cli;

import dev.berth.diag.Catalogue;
import dev.berth.diag.Code;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The diagnostic catalogue as JSON: {@code berth explain CODE --format json} and {@code explain --list --format json}. */
final class CatalogueJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CatalogueJson() {
    }

    /** One entry: {"format_version": 1, "code": "S002", "severity": "error", ...}. */
    static String entry(Code code) {
        ObjectNode document = JSON.createObjectNode();
        document.put("format_version", 1);
        document.setAll(fields(code));
        return write(document);
    }

    /** Every entry, in catalogue order: {"format_version": 1, "codes": [...]}. */
    static String list() {
        ObjectNode document = JSON.createObjectNode();
        document.put("format_version", 1);
        var codes = document.putArray("codes");
        for (Code code : Code.values()) {
            codes.add(fields(code));
        }
        return write(document);
    }

    private static ObjectNode fields(Code code) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("code", code.id());
        entry.put("title", code.title());
        entry.put("severity", code.severity().label());
        entry.put("topic", code.topic());
        entry.put("topic_title", Catalogue.topicTitle(code.topic()));
        entry.put("points_at", code.pointsAtKey() ? "key" : "value");
        entry.put("explanation", code.explanation());
        entry.put("bad_example", code.badExample());
        entry.put("good_example", code.goodExample());
        return entry;
    }

    private static String write(ObjectNode document) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    }
}
