package dev.berth.model;

import java.util.Optional;
import java.util.OptionalLong;

/** Settings of a guest socket unit: {@code socket: {description: ..., max-connections: 64}}. */
public record GuestSocket(String path, Optional<String> description, OptionalLong maxConnections,
                          OptionalLong maxConnectionsPerSource, Optional<Boolean> keepAlive, Optional<Boolean> noDelay) {
}
