package dev.berth.unit;

import java.util.Optional;

/**
 * One {@code Key=value} line, its value already encoded for the unit file (by a {@link Value}).
 *
 * @param why a one-line comment written above the line, for settings the user did not ask for
 */
public record Entry(String key, String value, Optional<String> why) {
}
