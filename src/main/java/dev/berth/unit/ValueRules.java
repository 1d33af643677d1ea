package dev.berth.unit;

import dev.berth.diag.Code;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a user string may hold to reach a unit file unchanged (rules of systemd 252's parser).
 * The check stage reports these problems with the config path; the encoders refuse the same
 * strings, so nothing unsafe is written even if a check were forgotten.
 */
public final class ValueRules {
    /** systemd refuses lines of 1 MiB; values this long are never intended. */
    public static final int MAX_BYTES = 4096;

    private ValueRules() {
    }

    /** A field that does not honour quotes: Description=, ListenStream= and the like. */
    public static Optional<ValueProblem> plain(String value) {
        if (value.isEmpty()) {
            return Optional.of(new ValueProblem(Code.V004, "the value is empty",
                    "remove the key to use the default, or give a value"));
        }
        Optional<ValueProblem> common = common(value);
        if (common.isPresent()) {
            return common;
        }
        if (!value.strip().equals(value)) {
            return Optional.of(new ValueProblem(Code.V003, "the value starts or ends with whitespace",
                    "remove the spaces; systemd would strip them"));
        }
        if (value.endsWith("\\")) {
            return Optional.of(new ValueProblem(Code.V002, "the value ends with a backslash",
                    "remove the trailing '\\'; it would continue the line in the unit file"));
        }
        return Optional.empty();
    }

    /** A plain field that also must not contain quotes or whitespace (User=, RuntimeDirectory=, paths). */
    public static Optional<ValueProblem> word(String value) {
        Optional<ValueProblem> plain = plain(value);
        if (plain.isPresent()) {
            return plain;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\'' || Character.isWhitespace(c) || c == '\\') {
                return Optional.of(new ValueProblem(Code.V006, "the value holds '" + printable(c)
                        + "', which this field cannot encode", "remove quotes, spaces and backslashes from this value"));
            }
        }
        return Optional.empty();
    }

    /** One argument of an Exec line: anything encodable inside a quoted word. */
    public static Optional<ValueProblem> execArgument(String value) {
        return common(value);
    }

    /** The program of an Exec line: an absolute path without systemd's prefix characters. */
    public static Optional<ValueProblem> execProgram(String value) {
        if (!value.startsWith("/")) {
            return Optional.of(new ValueProblem(Code.V007, "the command '" + value + "' is not an absolute path",
                    "write the full path of the program, e.g. /usr/sbin/sshd; use ignore-failure instead of a '-' prefix"));
        }
        return word(value);
    }

    private static Optional<ValueProblem> common(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' || c == '\u2028' || c == '\u2029') {
                return Optional.of(new ValueProblem(Code.V001, "the value holds the control character " + printable(c),
                        "remove line breaks and control characters; a line break would add a line to the unit file"));
            }
            if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                return Optional.of(new ValueProblem(Code.V001, "the value is not valid Unicode (a lone surrogate)",
                        "remove the \\uD8xx escape; systemd refuses invalid UTF-8"));
            }
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(new ValueProblem(Code.V005, "the value is longer than " + MAX_BYTES + " bytes",
                    "shorten it, or move long content into a file the service reads"));
        }
        return Optional.empty();
    }

    static String printable(char c) {
        return c < 0x20 || c == 0x7f || Character.isWhitespace(c) ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }
}
