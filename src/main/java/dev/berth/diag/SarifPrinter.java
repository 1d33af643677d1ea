package dev.berth.diag;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Diagnostics as a SARIF 2.1.0 log, the format code-scanning services read: one run of the tool
 * {@code berth} whose rules are the whole {@link Code} catalogue, and one result per diagnostic with
 * its file, line and column and the config path in {@code properties.path}. Columns count Unicode code
 * points, as YAML does ({@code columnKind}).
 */
public final class SarifPrinter implements DiagnosticPrinter {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private final String version;

    /** @param version berth's version, for {@code tool.driver.version}; empty when unknown */
    public SarifPrinter(String version) {
        this.version = version == null ? "" : version;
    }

    @Override
    public void print(Diagnostics diagnostics, PrintWriter out) {
        out.println(toJson(diagnostics));
        out.flush();
    }

    public String toJson(Diagnostics diagnostics) {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"$schema\": ").append(Json.quote(SCHEMA)).append(",\n  \"version\": \"2.1.0\",\n  \"runs\": [{\n");
        json.append("    \"tool\": {\"driver\": {\"name\": \"berth\"");
        if (!version.isEmpty()) {
            json.append(", \"version\": ").append(Json.quote(version));
        }
        json.append(", \"rules\": [");
        Code[] codes = Code.values();
        for (int i = 0; i < codes.length; i++) {
            json.append(i == 0 ? "\n" : ",\n").append("      ").append(rule(codes[i]));
        }
        json.append("\n    ]}},\n    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [");
        List<Diagnostic> sorted = diagnostics.sorted();
        for (int i = 0; i < sorted.size(); i++) {
            json.append(i == 0 ? "\n" : ",\n").append("      ").append(result(sorted.get(i)));
        }
        json.append(sorted.isEmpty() ? "]\n  }]\n}" : "\n    ]\n  }]\n}");
        return json.toString();
    }

    private static String rule(Code code) {
        String help = code.explanation() + "\n\nBad:\n" + code.badExample() + "\n\nGood:\n" + code.goodExample();
        return "{\"id\": " + Json.quote(code.id())
                + ", \"name\": " + Json.quote(ruleName(code))
                + ", \"shortDescription\": {\"text\": " + Json.quote(code.title()) + "}"
                + ", \"fullDescription\": {\"text\": " + Json.quote(code.explanation()) + "}"
                + ", \"help\": {\"text\": " + Json.quote(help) + "}"
                + ", \"defaultConfiguration\": {\"level\": " + Json.quote(level(code.severity())) + "}"
                + ", \"properties\": {\"topic\": " + Json.quote(code.topic()) + "}}";
    }

    private static String result(Diagnostic d) {
        StringBuilder r = new StringBuilder("{\"ruleId\": ").append(Json.quote(d.code().id()))
                .append(", \"ruleIndex\": ").append(d.code().ordinal())
                .append(", \"level\": ").append(Json.quote(level(d.severity())))
                .append(", \"message\": {\"text\": ")
                .append(Json.quote(d.hint().isEmpty() ? d.summary() : d.summary() + " (hint: " + d.hint() + ")")).append('}');
        d.position().ifPresent(p -> {
            r.append(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ").append(Json.quote(uri(p.file())))
                    .append("}, \"region\": {\"startLine\": ").append(p.line()).append(", \"startColumn\": ").append(p.column());
            if (p.length() > 0) {
                r.append(", \"endColumn\": ").append(p.column() + p.length());
            }
            r.append("}}}]");
        });
        return r.append(", \"properties\": {\"path\": ").append(Json.quote(d.path())).append("}}").toString();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }

    /** "unknown key" becomes "UnknownKey": SARIF rule names are identifiers. */
    static String ruleName(Code code) {
        StringBuilder name = new StringBuilder();
        for (String word : code.title().split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }

    /** A file name as a URI reference: relative names stay relative, absolute ones become file URIs. */
    static String uri(String file) {
        StringBuilder out = new StringBuilder(file.startsWith("/") ? "file://" : "");
        for (byte b : file.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
