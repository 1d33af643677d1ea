package dev.berth.unit;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A value on its way into a unit file, encoded when it is made. {@link UnitFile.Builder} takes only these, so a
 * user's text can reach a unit file only through an encoder that refuses what it cannot write safely.
 */
public final class Value {
    private static final String TIME_UNIT = "(usec|us|msec|ms|seconds|second|sec|s|minutes|minute|min|m|hours|hour|hr|h"
            + "|days|day|d|weeks|week|w|months|month|years|year|y)";
    private static final String NUMBER = "[0-9]+(\\.[0-9]+)?";
    /**
     * A time span as systemd.time(7) reads it: numbers each followed by a unit, added up ({@code 1min 30s}), or a
     * number alone, which is seconds. The schema's {@code $defs/duration} has the same pattern.
     */
    public static final String DURATION_PATTERN = NUMBER + "|" + NUMBER + " ?" + TIME_UNIT + "( ?" + NUMBER + " ?" + TIME_UNIT + ")*";
    private static final Pattern DURATION = Pattern.compile(DURATION_PATTERN);
    /**
     * A timeout: a time span, or {@code infinity} for none, which systemd.service(5) gives TimeoutStartSec= and
     * TimeoutStopSec=. The schema's {@code $defs/timeout} has the same pattern.
     */
    public static final String TIMEOUT_PATTERN = "infinity|" + DURATION_PATTERN;
    private static final Pattern TIMEOUT = Pattern.compile(TIMEOUT_PATTERN);
    /** A size in bytes with an optional 1024-based suffix, a percentage, a plain count, or infinity. */
    private static final Pattern QUANTITY = Pattern.compile("infinity|[0-9]+(\\.[0-9]+)?[KMGTPE]?|[0-9]+(\\.[0-9]+)?%");
    private static final Pattern MODE = Pattern.compile("0?[0-7]{3,4}");

    private final String text;

    private Value(String text) {
        this.text = text;
    }

    /** The text as written after {@code Key=}. */
    public String text() {
        return text;
    }

    /** Description= and other fields that do not honour quotes; {@code %} is doubled. */
    public static Value text(String value) {
        return new Value(Encode.plain(value));
    }

    /**
     * A description with the instance name appended, for template units: {@code %I} is a specifier berth writes
     * itself, after the user's text was escaped.
     */
    public static Value textForInstance(String value) {
        return new Value(Encode.plain(value) + " for %I");
    }

    /** User=, RuntimeDirectory=, paths and other single words. */
    public static Value word(String value) {
        return new Value(Encode.word(value));
    }

    /** Several words on one line, separated by spaces (DropCapability=). */
    public static Value words(List<String> values) {
        return new Value(String.join(" ", values.stream().map(Encode::word).toList()));
    }

    public static Value bool(boolean value) {
        return new Value(value ? "yes" : "no");
    }

    public static Value number(long value) {
        return new Value(Long.toString(value));
    }

    /** A time span such as {@code 90s}, {@code 1min 30s} or {@code 2h}. */
    public static Value duration(String value) {
        return new Value(matching(DURATION, value, "time span"));
    }

    /** A timeout: a time span, or {@code infinity} for no timeout at all. */
    public static Value timeout(String value) {
        return new Value(matching(TIMEOUT, value, "timeout"));
    }

    /** A size, count or percentage ({@code 512M}, {@code 50%}, {@code infinity}); {@code %} is not a specifier here. */
    public static Value quantity(String value) {
        return new Value(matching(QUANTITY, value, "quantity"));
    }

    /** An octal file mode such as {@code 0660}. */
    public static Value mode(String value) {
        return new Value(matching(MODE, value, "file mode"));
    }

    /** An Exec line; the prefix ("-" to ignore failure) is berth's choice, never the user's. */
    public static Value exec(String prefix, List<String> argv) {
        return new Value(Encode.exec(prefix, argv));
    }

    /** Arguments without a program (nspawn's Parameters=). */
    public static Value arguments(List<String> args) {
        return new Value(Encode.arguments(args));
    }

    public static Value environment(String name, String value) {
        return new Value(Encode.environment(name, value));
    }

    /** EnvironmentFile=, with systemd's '-' when a missing file is not an error. */
    public static Value environmentFile(String path, boolean optional) {
        return new Value((optional ? "-" : "") + Encode.word(path));
    }

    /** An empty assignment: resets a list setting to nothing. */
    public static Value reset() {
        return new Value("");
    }

    /** Whether {@link #duration}, {@link #timeout}, {@link #quantity} or {@link #mode} take the text. */
    public static boolean isDuration(String value) {
        return DURATION.matcher(value).matches();
    }

    public static boolean isTimeout(String value) {
        return TIMEOUT.matcher(value).matches();
    }

    public static boolean isQuantity(String value) {
        return QUANTITY.matcher(value).matches();
    }

    public static boolean isMode(String value) {
        return MODE.matcher(value).matches();
    }

    private static String matching(Pattern pattern, String value, String what) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("not a " + what + " systemd reads: " + value);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && v.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
