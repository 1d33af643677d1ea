package dev.berth.unit;

import java.util.Optional;

/**
 * One {@code Key=value} line, its value already encoded for the unit file.
 *
 * @param why a one-line comment written above the line, for settings the user did not ask for
 */
public record Entry(String key, String value, Optional<String> why) {
    public static Entry of(String key, String value) {
        return new Entry(key, value, Optional.empty());
    }

    public static Entry because(String key, String value, String why) {
        return new Entry(key, value, Optional.of(why));
    }
}
