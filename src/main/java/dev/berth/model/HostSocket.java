package dev.berth.model;

import dev.berth.option.OptionValues;
import java.util.Optional;

/** Settings of the host socket unit: {@code socket: {description: ..., backlog: 128, free-bind: true}}. */
public record HostSocket(String path, Optional<String> description, OptionValues options) {
}
