package dev.berth.option;

import dev.berth.unit.Value;

/**
 * What an option's value is: how it is read from the config, what the checks require of it and how it is encoded.
 * The schema says which texts each kind accepts; the encoder refuses anything else.
 */
public enum ValueKind {
    /** A single word: a name, an enumerated choice ({@code on-failure}), a user or group (names or numbers). */
    WORD,
    /** An absolute path, or {@code ~} for the user's home where the directive allows it. */
    PATH,
    /** A time span systemd reads: {@code 90s}, {@code 1min 30s}, {@code 2h}. */
    DURATION,
    /** A time span, or {@code infinity} for no timeout (TimeoutStartSec=, TimeoutStopSec=): {@code 3min}, {@code infinity}. */
    TIMEOUT,
    /** A size, count or percentage: {@code 512M}, {@code 50%}, {@code infinity}. */
    QUANTITY,
    /** An octal file mode: {@code 0660}. */
    MODE,
    /** yes or no. */
    BOOLEAN,
    /** A whole number. */
    INTEGER;

    /** The value as the binder reads it from the document: a Boolean, a Long or a String. */
    public Object read(Object raw) {
        return switch (this) {
            case BOOLEAN -> (Boolean) raw;
            case INTEGER -> ((Number) raw).longValue();
            default -> raw instanceof Boolean b ? (b ? "yes" : "no") : String.valueOf(raw);
        };
    }

    public Value encode(Object value) {
        return switch (this) {
            case WORD, PATH -> Value.word((String) value);
            case DURATION -> Value.duration((String) value);
            case TIMEOUT -> Value.timeout((String) value);
            case QUANTITY -> Value.quantity((String) value);
            case MODE -> Value.mode((String) value);
            case BOOLEAN -> Value.bool((Boolean) value);
            case INTEGER -> Value.number((Long) value);
        };
    }
}
