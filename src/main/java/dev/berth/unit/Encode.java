package dev.berth.unit;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Encoders from user strings to unit file text, such that systemd parses back exactly the user's
 * value. Each refuses what {@link ValueRules} refuses: a check that was forgotten becomes a bug
 * report, never an injected directive.
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
     * An Exec command line. The program and arguments are each written bare when that is unambiguous
     * and quoted otherwise; {@code $} is doubled so that nothing expands at exec time.
     *
     * @param prefix systemd's command prefixes ("-" to ignore failure), chosen by berth, never by the user
     */
    public static String exec(String prefix, List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
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
     * {@code Environment="KEY=value"}: quoted so spaces survive; inside, backslash, quote and % are
     * escaped ($ does not expand in Environment=).
     */
    public static String environment(String key, String value) {
        if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("invalid environment variable name reached the encoder: " + key);
        }
        require(ValueRules.execArgument(value), value);
        return quoted(key + "=" + value, false);
    }

    private static String execWord(String arg) {
        String doubled = arg.replace("%", "%%").replace("$", "$$");
        if (BARE_WORD.matcher(arg).matches()) {
            return doubled;
        }
        return quoted(arg, true);
    }

    /** A double-quoted word as systemd's extract_first_word() reads it back; $ doubled where it would expand. */
    private static String quoted(String text, boolean doubleDollar) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> q.append("\\\\");
                case '"' -> q.append("\\\"");
                case '%' -> q.append("%%");
                case '\t' -> q.append("\\t");
                default -> q.append(c == '$' && doubleDollar ? "$$" : String.valueOf(c));
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
