package dev.berth.tree;

import dev.berth.diag.Diagnostic;
import dev.berth.diag.GitHubPrinter;
import dev.berth.diag.JsonPrinter;
import dev.berth.diag.JsonText;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/** The result of {@code berth compile --check} for people, for scripts and for GitHub Actions. */
public final class TreeCheckView {
    /** Only ever extended within a version; a change that breaks readers raises it. */
    public static final int FORMAT_VERSION = 1;

    private TreeCheckView() {
    }

    /**
     * One line a difference, sorted by path, the directory as the user named it in front:
     * <pre>
     * stale    out/etc/systemd/system/web.socket  (content differs)
     * missing  out/srv/web/etc/systemd/system/httpd.socket
     * extra    out/etc/systemd/system/old.socket
     * </pre>
     */
    public static String text(TreeCheck.Result result, String dir) {
        StringBuilder out = new StringBuilder();
        for (TreeCheck.Difference d : result.differences()) {
            out.append(String.format("%-8s %s", d.kind().label(), join(dir, d.path())));
            if (!d.detail().isEmpty()) {
                out.append("  (").append(d.detail()).append(')');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** A one-line count: {@code 1 stale, 1 missing, 1 extra (of 7 files berth writes)}. */
    public static String summary(TreeCheck.Result result) {
        return result.count(TreeCheck.Kind.STALE) + " stale, " + result.count(TreeCheck.Kind.MISSING) + " missing, "
                + result.count(TreeCheck.Kind.EXTRA) + " extra (of " + result.files() + " files berth writes)";
    }

    /** GitHub Actions workflow commands: an error annotation on each file. */
    public static String github(TreeCheck.Result result, String dir, String fix) {
        StringBuilder out = new StringBuilder();
        for (TreeCheck.Difference d : result.differences()) {
            String message = d.kind().label() + (d.detail().isEmpty() ? "" : ": " + d.detail()) + "; " + fix;
            out.append("::error file=").append(GitHubPrinter.property(join(dir, d.path()))).append(",title=berth compile --check::")
                    .append(GitHubPrinter.data(message)).append('\n');
        }
        return out.toString();
    }

    /**
     * The JSON document (docs/cli.md):
     * <pre>
     * {"format_version": 1, "dir": "out", "up_to_date": false, "files": 7,
     *  "summary": {"stale": 1, "missing": 0, "extra": 1},
     *  "differences": [{"kind": "stale", "path": "etc/systemd/system/web.socket", "detail": "content differs"},
     *                  {"kind": "extra", "path": "etc/systemd/system/old.socket", "detail": ""}],
     *  "warnings": []}
     * </pre>
     */
    public static String json(TreeCheck.Result result, String dir, List<Diagnostic> warnings) {
        return JsonText.write(json -> {
            JsonGenerator g = json.generator();
            g.writeStartObject();
            g.writeNumberProperty("format_version", FORMAT_VERSION);
            g.writeStringProperty("dir", dir);
            g.writeBooleanProperty("up_to_date", result.upToDate());
            g.writeNumberProperty("files", result.files());
            json.newline(1);
            g.writeObjectPropertyStart("summary");
            for (TreeCheck.Kind kind : List.of(TreeCheck.Kind.STALE, TreeCheck.Kind.MISSING, TreeCheck.Kind.EXTRA)) {
                g.writeNumberProperty(kind.label(), result.count(kind));
            }
            g.writeEndObject();
            json.newline(1);
            g.writeArrayPropertyStart("differences");
            for (int i = 0; i < result.differences().size(); i++) {
                TreeCheck.Difference d = result.differences().get(i);
                if (i > 0) {
                    json.newline(3);
                }
                g.writeStartObject();
                g.writeStringProperty("kind", d.kind().label());
                g.writeStringProperty("path", d.path());
                g.writeStringProperty("detail", d.detail());
                g.writeEndObject();
            }
            g.writeEndArray();
            json.newline(1);
            g.writeArrayPropertyStart("warnings");
            for (int i = 0; i < warnings.size(); i++) {
                if (i > 0) {
                    json.newline(3);
                }
                JsonPrinter.object(g, warnings.get(i));
            }
            g.writeEndArray();
            g.writeEndObject();
        }) + "\n";
    }

    private static String join(String dir, String path) {
        return dir.isEmpty() || dir.endsWith("/") ? dir + path : dir + "/" + path;
    }
}
