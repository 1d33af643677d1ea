package dev.berth.model;

import java.util.Optional;
import java.util.OptionalLong;

/** Settings of the host socket unit: {@code socket: {description: ..., backlog: 128, free-bind: true}}. */
public record HostSocket(String path, Optional<String> description, OptionalLong backlog, Optional<String> bindIpv6Only,
                         Optional<Boolean> freeBind, Optional<Boolean> reusePort, Optional<Boolean> keepAlive,
                         Optional<Boolean> noDelay, Optional<String> socketMode, Optional<String> triggerInterval,
                         OptionalLong triggerBurst) {
}
