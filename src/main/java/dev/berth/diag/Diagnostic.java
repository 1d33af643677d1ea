package dev.berth.diag;

import java.util.Objects;
import java.util.Optional;

/**
 * One finding about a config. Stages report the config path (a JSON pointer such as
 * {@code /containers/web/ports/http}); the position in the file is filled in once, at the end,
 * from the source map, so no stage needs to know about lines. The severity is the one the catalogue gives the
 * code ({@link Code#severity}): a diagnostic that says otherwise is refused, so no printer can disagree with
 * {@code berth explain}.
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
        if (severity != code.severity()) {
            throw new IllegalArgumentException(code + " is " + code.severity().label() + " in the catalogue, not "
                    + severity.label());
        }
        hint = hint == null ? "" : hint;
    }

    /** A finding with the severity the catalogue gives its code. */
    public static Diagnostic of(Code code, String path, String summary, String hint) {
        return new Diagnostic(code.severity(), code, path, Optional.empty(), summary, hint);
    }

    /** A finding of a code the catalogue calls an error (refused for any other code). */
    public static Diagnostic error(Code code, String path, String summary, String hint) {
        return new Diagnostic(Severity.ERROR, code, path, Optional.empty(), summary, hint);
    }

    /** A finding of a code the catalogue calls a warning (refused for any other code). */
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
