package dev.berth.diag;

import java.io.PrintWriter;

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
        StringBuilder json = new StringBuilder();
        long errors = diagnostics.all().stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.all().stream().filter(d -> d.severity() == Severity.WARNING).count();
        json.append("{\"version\": 1, \"errors\": ").append(errors).append(", \"warnings\": ").append(warnings)
                .append(", \"diagnostics\": [");
        String separator = "";
        for (Diagnostic d : diagnostics.sorted()) {
            json.append(separator).append("\n  ").append(object(d));
            separator = ",";
        }
        return json.append(diagnostics.isEmpty() ? "]}" : "\n]}").toString();
    }

    /** One diagnostic as a JSON object, the shape of an element of "diagnostics" above. */
    public static String object(Diagnostic d) {
        StringBuilder json = new StringBuilder();
        json.append("{\"severity\": ").append(Json.quote(d.severity().label()))
                .append(", \"code\": ").append(Json.quote(d.code().id()))
                .append(", \"path\": ").append(Json.quote(d.path()));
        d.position().ifPresent(p -> json.append(", \"file\": ").append(Json.quote(p.file()))
                .append(", \"line\": ").append(p.line()).append(", \"column\": ").append(p.column()));
        return json.append(", \"summary\": ").append(Json.quote(d.summary()))
                .append(", \"hint\": ").append(Json.quote(d.hint())).append('}').toString();
    }
}
