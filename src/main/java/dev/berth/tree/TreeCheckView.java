package dev.berth.tree;

import dev.berth.diag.Diagnostic;
import dev.berth.diag.GitHubPrinter;
import dev.berth.diag.Json;
import dev.berth.diag.JsonPrinter;
import java.util.List;
import java.util.stream.Collectors;

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
        String differences = result.differences().stream()
                .map(d -> "{\"kind\": " + Json.quote(d.kind().label()) + ", \"path\": " + Json.quote(d.path())
                        + ", \"detail\": " + Json.quote(d.detail()) + "}")
                .collect(Collectors.joining(",\n   ", "[", "]"));
        return "{\"format_version\": " + FORMAT_VERSION + ", \"dir\": " + Json.quote(dir)
                + ", \"up_to_date\": " + result.upToDate() + ", \"files\": " + result.files() + ",\n"
                + " \"summary\": {\"stale\": " + result.count(TreeCheck.Kind.STALE) + ", \"missing\": "
                + result.count(TreeCheck.Kind.MISSING) + ", \"extra\": " + result.count(TreeCheck.Kind.EXTRA) + "},\n"
                + " \"differences\": " + differences + ",\n"
                + " \"warnings\": " + warnings.stream().map(JsonPrinter::object).collect(Collectors.joining(",\n   ", "[", "]"))
                + "}\n";
    }

    private static String join(String dir, String path) {
        return dir.isEmpty() || dir.endsWith("/") ? dir + path : dir + "/" + path;
    }
}
