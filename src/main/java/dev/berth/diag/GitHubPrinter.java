package dev.berth.diag;

import java.io.PrintWriter;

/**
 * Diagnostics as GitHub Actions workflow commands, which the runner shows as annotations on the
 * pull request's lines:
 * <pre>
 * ::error file=berth.yaml,line=4,col=5,title=berth S002::unknown key 'rooot' (did you mean 'root'?)
 * </pre>
 * Values are escaped as the runner expects: {@code %}, CR and LF everywhere, and also {@code :} and
 * {@code ,} in properties.
 */
public final class GitHubPrinter implements DiagnosticPrinter {
    @Override
    public void print(Diagnostics diagnostics, PrintWriter out) {
        for (Diagnostic d : diagnostics.sorted()) {
            out.println(line(d));
        }
        out.flush();
    }

    static String line(Diagnostic d) {
        String command = switch (d.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
        StringBuilder line = new StringBuilder("::").append(command).append(' ');
        d.position().ifPresent(p -> {
            line.append("file=").append(property(p.file())).append(",line=").append(p.line()).append(",col=").append(p.column());
            if (p.length() > 0) {
                line.append(",endColumn=").append(p.column() + p.length());
            }
            line.append(',');
        });
        line.append("title=").append(property("berth " + d.code().id()));
        String message = d.hint().isEmpty() ? d.summary() : d.summary() + " (" + d.hint() + ")";
        return line.append("::").append(data(message)).toString();
    }

    /** The message part: %, CR and LF are escaped; other control characters are made visible. */
    public static String data(String s) {
        return Text.printable(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
    }

    /** A property value: as data, plus ':' and ',' which would end the value. */
    public static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
