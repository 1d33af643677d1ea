package dev.berth.model;

import dev.berth.option.OptionValues;
import java.util.Optional;

/** Settings of a guest socket unit: {@code socket: {description: ..., max-connections: 64}}. */
public record GuestSocket(String path, Optional<String> description, OptionValues options) {
}
