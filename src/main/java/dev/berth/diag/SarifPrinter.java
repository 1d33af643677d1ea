package dev.berth.diag;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JsonGenerator;

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
        return JsonText.write(json -> {
            JsonGenerator g = json.generator();
            g.writeStartObject();
            json.newline(2);
            g.writeStringProperty("$schema", SCHEMA);
            json.newline(2);
            g.writeStringProperty("version", "2.1.0");
            json.newline(2);
            g.writeArrayPropertyStart("runs");
            g.writeStartObject();
            json.newline(4);
            g.writeObjectPropertyStart("tool");
            g.writeObjectPropertyStart("driver");
            g.writeStringProperty("name", "berth");
            if (!version.isEmpty()) {
                g.writeStringProperty("version", version);
            }
            g.writeArrayPropertyStart("rules");
            for (Code code : Code.values()) {
                json.newline(6);
                rule(g, code);
            }
            json.newline(4);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            json.newline(4);
            g.writeStringProperty("columnKind", "unicodeCodePoints");
            json.newline(4);
            g.writeArrayPropertyStart("results");
            List<Diagnostic> sorted = diagnostics.sorted();
            for (Diagnostic d : sorted) {
                json.newline(6);
                result(g, d);
            }
            if (!sorted.isEmpty()) {
                json.newline(4);
            }
            g.writeEndArray();
            json.newline(2);
            g.writeEndObject();
            g.writeEndArray();
            json.newline(0);
            g.writeEndObject();
        });
    }

    private static void rule(JsonGenerator g, Code code) {
        g.writeStartObject();
        g.writeStringProperty("id", code.id());
        g.writeStringProperty("name", ruleName(code));
        text(g, "shortDescription", code.title());
        text(g, "fullDescription", code.explanation());
        text(g, "help", code.explanation() + "\n\nBad:\n" + code.badExample() + "\n\nGood:\n" + code.goodExample());
        g.writeObjectPropertyStart("defaultConfiguration");
        g.writeStringProperty("level", level(code.severity()));
        g.writeEndObject();
        g.writeObjectPropertyStart("properties");
        g.writeStringProperty("topic", code.topic());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, Diagnostic d) {
        g.writeStartObject();
        g.writeStringProperty("ruleId", d.code().id());
        g.writeNumberProperty("ruleIndex", d.code().ordinal());
        g.writeStringProperty("level", level(d.severity()));
        text(g, "message", d.hint().isEmpty() ? d.summary() : d.summary() + " (hint: " + d.hint() + ")");
        d.position().ifPresent(p -> {
            g.writeArrayPropertyStart("locations");
            g.writeStartObject();
            g.writeObjectPropertyStart("physicalLocation");
            g.writeObjectPropertyStart("artifactLocation");
            g.writeStringProperty("uri", uri(p.file()));
            g.writeEndObject();
            g.writeObjectPropertyStart("region");
            g.writeNumberProperty("startLine", p.line());
            g.writeNumberProperty("startColumn", p.column());
            if (p.length() > 0) {
                g.writeNumberProperty("endColumn", p.column() + p.length());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        });
        g.writeObjectPropertyStart("properties");
        g.writeStringProperty("path", d.path());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A SARIF message object: {@code {"text": …}}. */
    private static void text(JsonGenerator g, String name, String text) {
        g.writeObjectPropertyStart(name);
        g.writeStringProperty("text", text);
        g.writeEndObject();
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
