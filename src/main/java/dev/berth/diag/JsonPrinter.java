package dev.berth.diag;

import java.io.PrintWriter;
import tools.jackson.core.JsonGenerator;

/**
 * Diagnostics as one JSON object (shape version 1):
 * <pre>
 * {"version": 1, "errors": 1, "warnings": 0, "diagnostics": [
 *   {"severity": "error", "code": "S002", "path": "/containers/web/rooot", "file": "berth.yaml",
 *    "line": 3, "column": 5, "summary": "unknown key 'rooot'", "hint": "did you mean 'root'?"}]}
 * </pre>
 * {@code file}, {@code line} and {@code column} are absent when the finding has no position.
 */
public final class JsonPrinter implements DiagnosticPrinter {
    @Override
    public void print(Diagnostics diagnostics, PrintWriter out) {
        out.println(toJson(diagnostics));
        out.flush();
    }

    public static String toJson(Diagnostics diagnostics) {
        return JsonText.write(json -> {
            JsonGenerator g = json.generator();
            g.writeStartObject();
            g.writeNumberProperty("version", 1);
            g.writeNumberProperty("errors", diagnostics.all().stream().filter(Diagnostic::isError).count());
            g.writeNumberProperty("warnings", diagnostics.all().stream().filter(d -> d.severity() == Severity.WARNING).count());
            g.writeArrayPropertyStart("diagnostics");
            for (Diagnostic d : diagnostics.sorted()) {
                json.newline(2);
                object(g, d);
            }
            if (!diagnostics.isEmpty()) {
                json.newline(0);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** One diagnostic as a JSON object, the shape of an element of "diagnostics" above. */
    public static void object(JsonGenerator g, Diagnostic d) {
        g.writeStartObject();
        g.writeStringProperty("severity", d.severity().label());
        g.writeStringProperty("code", d.code().id());
        g.writeStringProperty("path", d.path());
        d.position().ifPresent(p -> {
            g.writeStringProperty("file", p.file());
            g.writeNumberProperty("line", p.line());
            g.writeNumberProperty("column", p.column());
        });
        g.writeStringProperty("summary", d.summary());
        g.writeStringProperty("hint", d.hint());
        g.writeEndObject();
    }
}
