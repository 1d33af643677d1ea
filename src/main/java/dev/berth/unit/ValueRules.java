package dev.berth.unit;

import dev.berth.diag.Code;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a user string may hold to reach a unit file unchanged (rules of systemd 252's parser, see
 * {@code systemd-facts.md}, "Values"). The check stage reports these problems with the config path;
 * {@link Encode} refuses the same strings, so nothing unsafe is written even if a check were forgotten.
 *
 * <p>Two kinds of field:
 * <ul>
 * <li>fields systemd does not unquote (Description=, ListenStream=, User=, ...): no control characters,
 *     no leading or trailing whitespace, no trailing backslash; {@code %} is escaped by the encoder;</li>
 * <li>quoted words (Exec arguments, Environment= values): anything but NUL, because the encoder writes
 *     the word in double quotes with C escapes; {@code %} and (in Exec) {@code $} are escaped.</li>
 * </ul>
 * Both: valid Unicode, at most {@link #MAX_BYTES} bytes of UTF-8.
 */
public final class ValueRules {
    /** systemd refuses lines of 1 MiB; values this long are never intended. */
    public static final int MAX_BYTES = 4096;
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ValueRules() {
    }

    /** A field that does not honour quotes: Description=, ListenStream= and the like. */
    public static Optional<ValueProblem> plain(String value) {
        if (value.isEmpty()) {
            return Optional.of(new ValueProblem(Code.V004, "the value is empty",
                    "remove the key to use the default, or give a value"));
        }
        Optional<ValueProblem> unicode = unicodeAndLength(value);
        if (unicode.isPresent()) {
            return unicode;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                return Optional.of(new ValueProblem(Code.V001, "the value holds the control character " + printable(c),
                        "remove line breaks and control characters; a line break would add a line to the unit file"));
            }
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

    /** One argument of an Exec line: anything encodable inside a quoted word, which is all but NUL. */
    public static Optional<ValueProblem> execArgument(String value) {
        return quotedWord(value);
    }

    /**
     * The program of an Exec line: an absolute, normalized path of a file, without systemd's prefix characters
     * (systemd refuses a unit whose program ends in '/' or holds '//', '.' or '..').
     */
    public static Optional<ValueProblem> execProgram(String value) {
        if (!value.startsWith("/")) {
            return Optional.of(new ValueProblem(Code.V007, "the command '" + value + "' is not an absolute path",
                    "write the full path of the program, e.g. /usr/sbin/sshd; use ignore-failure instead of a '-' prefix"));
        }
        if (value.endsWith("/") || value.contains("//") || value.contains("/./") || value.contains("/../")
                || value.endsWith("/.") || value.endsWith("/..")) {
            return Optional.of(new ValueProblem(Code.V007, "the command '" + value + "' is not a normalized path of a file",
                    "write the program's path without '.', '..', '//' or a trailing '/', e.g. /usr/sbin/sshd"));
        }
        Optional<ValueProblem> word = word(value);
        if (word.isEmpty() && value.indexOf('$') >= 0) {
            // systemd runs the path as written but expands $ in the argv[0] the program sees
            return Optional.of(new ValueProblem(Code.V006, "the program path holds '$', which this field cannot encode",
                    "rename or link the program to a path without '$'"));
        }
        return word;
    }

    /** The name in {@code Environment="NAME=value"}: what systemd accepts as a variable name. */
    public static Optional<ValueProblem> environmentName(String name) {
        if (!ENVIRONMENT_NAME.matcher(name).matches() || name.length() > 255) {
            return Optional.of(new ValueProblem(Code.V009, "'" + name + "' is not a valid environment variable name",
                    "use letters, digits and '_', not starting with a digit, e.g. '"
                            + name.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("^([0-9])", "_$1") + "'"));
        }
        return Optional.empty();
    }

    /** The value in {@code Environment="NAME=value"}: a quoted word, so anything but NUL. */
    public static Optional<ValueProblem> environmentValue(String value) {
        return quotedWord(value);
    }

    private static Optional<ValueProblem> quotedWord(String value) {
        Optional<ValueProblem> unicode = unicodeAndLength(value);
        if (unicode.isPresent()) {
            return unicode;
        }
        if (value.indexOf('\0') >= 0) {
            return Optional.of(new ValueProblem(Code.V001, "the value holds the control character " + printable('\0'),
                    "remove it: a program's arguments and environment cannot hold NUL"));
        }
        return Optional.empty();
    }

    private static Optional<ValueProblem> unicodeAndLength(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                return Optional.of(new ValueProblem(Code.V008, "the value is not valid Unicode (an unpaired surrogate U+"
                        + String.format("%04X", (int) c) + ")", "remove the \\uD800-\\uDFFF escape; systemd refuses invalid UTF-8"));
            }
        }
        if (value.length() > MAX_BYTES / 4 && value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(new ValueProblem(Code.V005, "the value is longer than " + MAX_BYTES + " bytes",
                    "shorten it, or move long content into a file the service reads"));
        }
        return Optional.empty();
    }

    /** Control characters (C0 but tab, DEL, C1) and Unicode's line and paragraph separators. */
    static boolean isControl(char c) {
        return Character.isISOControl(c) && c != '\t' || c == '\u2028' || c == '\u2029';
    }

    static String printable(char c) {
        String name = switch (c) {
            case '\n' -> " (line feed)";
            case '\r' -> " (carriage return)";
            case '\t' -> " (tab)";
            case '\0' -> " (NUL)";
            case '\u001b' -> " (escape)";
            case ' ' -> " (space)";
            default -> "";
        };
        return Character.isISOControl(c) || Character.isWhitespace(c) || c == '\u2028' || c == '\u2029'
                ? String.format("U+%04X", (int) c) + name : String.valueOf(c);
    }
}
