package dev.berth.plan;

import dev.berth.translate.GuestBootstrap;

/**
 * A container root the config writes guest units into.
 *
 * @param container the container's name
 * @param path      relative to the host's root, e.g. {@code srv/mycontainer}
 * @param origin    the config path that names it, e.g. {@code /containers/mycontainer/root}
 * @param bootstrap how to create its operating system
 */
public record GuestRoot(String container, String path, String origin, GuestBootstrap bootstrap) {
}
