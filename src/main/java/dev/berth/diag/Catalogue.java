package dev.berth.diag;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@link Code} catalogue as text: the entry {@code berth explain CODE} prints, the listing of
 * {@code berth explain --list}, and {@code docs/diagnostics.md}.
 */
public final class Catalogue {
    private static final Map<String, String> TOPICS = Map.of(
            "yaml", "YAML text",
            "schema", "Schema: keys, types and forms",
            "names", "Names of containers, units and files",
            "ports", "Ports and sockets",
            "paths", "File paths",
            "values", "Values that reach a unit file",
            "compat", "Compatibility with systemd versions and distributions");

    private Catalogue() {
    }

    public static String topicTitle(String topic) {
        return TOPICS.getOrDefault(topic, topic);
    }

    /** One entry for a terminal: code, title, topic, severity, explanation, bad and good example. */
    public static String explain(Code code) {
        StringBuilder out = new StringBuilder();
        out.append(code.id()).append(": ").append(code.title()).append('\n');
        out.append("topic: ").append(code.topic()).append(" (").append(topicTitle(code.topic())).append(")\n");
        out.append("severity: ").append(code.severity().label()).append("\n\n");
        out.append(wrap(code.explanation(), 100)).append("\n\n");
        out.append("Bad:\n").append(indent(code.badExample())).append("\n\n");
        out.append("Good:\n").append(indent(code.goodExample())).append('\n');
        return out.toString();
    }

    /** One line per code, grouped by topic in catalogue order. */
    public static String list() {
        StringBuilder out = new StringBuilder();
        for (String topic : topics()) {
            out.append(topicTitle(topic)).append(":\n");
            for (Code code : Code.values()) {
                if (code.topic().equals(topic)) {
                    out.append(String.format("  %s  %-7s  %s%n", code.id(), code.severity().label(), code.title()));
                }
            }
        }
        return out.toString();
    }

    /** docs/diagnostics.md. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Diagnostics\n\n");
        md.append("Every problem berth reports carries a stable code from this catalogue. Tests and CI filters key on the\n"
                + "code, not on the wording. `berth explain CODE` prints one entry, `berth explain --list` all codes.\n\n");
        md.append("<!-- Generated from src/main/java/dev/berth/diag/Code.java and the texts in\n"
                + "     src/main/resources/dev/berth/diag/catalogue.txt; "
                + "CatalogueDocTest fails when this file is stale.\n"
                + "     Regenerate with: mvn -B -o test -Dtest=CatalogueDocTest -Dberth.writeDocs=true -->\n\n");
        md.append("| code | severity | title |\n|---|---|---|\n");
        for (Code code : Code.values()) {
            md.append("| [").append(code.id()).append("](#").append(code.id().toLowerCase(java.util.Locale.ROOT)).append(") | ")
                    .append(code.severity().label()).append(" | ").append(code.title()).append(" |\n");
        }
        for (String topic : topics()) {
            md.append("\n## ").append(topicTitle(topic)).append('\n');
            for (Code code : Code.values()) {
                if (!code.topic().equals(topic)) {
                    continue;
                }
                md.append("\n### ").append(code.id()).append("\n\n");
                md.append("**").append(code.title()).append("** (").append(code.severity().label()).append(")\n\n");
                md.append(code.explanation()).append("\n\n");
                md.append("Bad:\n\n").append(fence(code.badExample())).append("\nGood:\n\n").append(fence(code.goodExample()));
            }
        }
        return md.toString();
    }

    private static String fence(String example) {
        String language = example.startsWith("(") || !example.contains(":") && !example.contains("=") ? "text"
                : example.lines().anyMatch(l -> l.startsWith("[") && l.endsWith("]")) ? "ini" : "yaml";
        return "```" + language + "\n" + example + "\n```\n";
    }

    private static String indent(String text) {
        StringBuilder out = new StringBuilder();
        text.lines().forEach(l -> out.append(out.length() == 0 ? "" : "\n").append("    ").append(l));
        return out.toString();
    }

    private static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (String word : text.split(" ")) {
            if (column > 0 && column + 1 + word.length() > width) {
                out.append('\n');
                column = 0;
            } else if (column > 0) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }

    /** The topics in catalogue order. */
    private static List<String> topics() {
        return Arrays.stream(Code.values()).map(Code::topic).distinct().toList();
    }
}
