package dev.berth.diag;

import java.util.Objects;
import java.util.Optional;

/**
 * One finding about a config. Stages report the config path (a JSON pointer such as
 * {@code /containers/web/ports/http}); the position in the file is filled in once, at the end,
 * from the source map, so no stage needs to know about lines.
 *
 * @param path    JSON pointer into the config ("" is the whole document)
 * @param summary what is wrong, one line
 * @param hint    how to fix it, may be empty
 */
public record Diagnostic(Severity severity, Code code, String path, Optional<Position> position,
                         String summary, String hint) {
    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(code);
        Objects.requireNonNull(path);
        Objects.requireNonNull(position);
        Objects.requireNonNull(summary);
        hint = hint == null ? "" : hint;
    }

    public static Diagnostic error(Code code, String path, String summary, String hint) {
        return new Diagnostic(Severity.ERROR, code, path, Optional.empty(), summary, hint);
    }

    public static Diagnostic warning(Code code, String path, String summary, String hint) {
        return new Diagnostic(Severity.WARNING, code, path, Optional.empty(), summary, hint);
    }

    public Diagnostic at(Position where) {
        return new Diagnostic(severity, code, path, Optional.of(where), summary, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
