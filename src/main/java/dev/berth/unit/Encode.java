package dev.berth.unit;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Encoders from user strings to unit file text, such that systemd parses back exactly the user's
 * value. Each refuses what {@link ValueRules} refuses: a check that was forgotten becomes a bug
 * report, never an injected directive. {@code EncodeRoundTripTest} feeds hostile values through
 * these encoders and systemd 252's own parser and compares.
 */
public final class Encode {
    /** Words that need no quotes in an Exec line (after % and $ are doubled). */
    private static final Pattern BARE_WORD = Pattern.compile("[A-Za-z0-9_./:=,+@%$-]+");

    private Encode() {
    }

    /** Description= and other fields that do not honour quotes; % is a specifier, so it is doubled. */
    public static String plain(String value) {
        require(ValueRules.plain(value), value);
        return value.replace("%", "%%");
    }

    /** User=, RuntimeDirectory= and other single words. */
    public static String word(String value) {
        require(ValueRules.word(value), value);
        return value.replace("%", "%%");
    }

    /**
     * An Exec command line. The program is written bare (it is an absolute path without quotes, spaces or
     * backslashes, and systemd expands no {@code $} in it); each argument is written bare when that is
     * unambiguous and quoted otherwise, with {@code $} doubled so that nothing expands at exec time.
     *
     * @param prefix systemd's command prefixes ("-" to ignore failure), chosen by berth, never by the user
     */
    public static String exec(String prefix, List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        if (!prefix.chars().allMatch(c -> "-@+!:".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not an Exec prefix: " + prefix);
        }
        require(ValueRules.execProgram(argv.get(0)), argv.get(0));
        StringBuilder line = new StringBuilder(prefix).append(argv.get(0).replace("%", "%%"));
        for (String arg : argv.subList(1, argv.size())) {
            require(ValueRules.execArgument(arg), arg);
            line.append(' ').append(execWord(arg));
        }
        return line.toString();
    }

    /** Arguments without a program (nspawn's Parameters=): each word bare or quoted as in an Exec line. */
    public static String arguments(List<String> args) {
        StringBuilder line = new StringBuilder();
        for (String arg : args) {
            require(ValueRules.execArgument(arg), arg);
            line.append(line.length() == 0 ? "" : " ").append(execWord(arg));
        }
        return line.toString();
    }

    /**
     * One {@code Environment=} assignment, {@code "NAME=value"} in quotes. systemd expands no {@code $}
     * there, so only {@code %}, quotes, backslashes and control characters are escaped.
     */
    public static String environment(String name, String value) {
        require(ValueRules.environmentName(name), name);
        require(ValueRules.environmentValue(value), value);
        return quoted(name + "=" + value, false);
    }

    private static String execWord(String arg) {
        if (BARE_WORD.matcher(arg).matches()) {
            return arg.replace("%", "%%").replace("$", "$$");
        }
        return quoted(arg, true);
    }

    /** A double-quoted word as systemd's extract_first_word(UNQUOTE|CUNESCAPE) reads it back. */
    private static String quoted(String text, boolean dollar) {
        StringBuilder q = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> q.append("\\\\");
                case '"' -> q.append("\\\"");
                case '%' -> q.append("%%");
                case '$' -> q.append(dollar ? "$$" : "$");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        q.append(String.format("\\x%02x", (int) c));
                    } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        // a \\x escape would write a lone byte (invalid UTF-8); the \\u escape writes the character as UTF-8
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    private static void require(Optional<ValueProblem> problem, String value) {
        problem.ifPresent(p -> {
            throw new IllegalArgumentException("unencodable value reached the unit encoder (" + p.code() + ": "
                    + p.summary() + "): " + value.codePoints().limit(80)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append));
        });
    }
}
