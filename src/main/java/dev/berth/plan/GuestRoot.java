package dev.berth.plan;

import dev.berth.translate.GuestBootstrap;
import java.util.Objects;
import java.util.Set;

/**
 * A container root the config writes guest units into.
 *
 * @param container the container's name
 * @param path      relative to the host's root, e.g. {@code srv/mycontainer}
 * @param origin    the config path that names it, e.g. {@code /containers/mycontainer/root}
 * @param bootstrap how to create its operating system
 * @param programs  what the container's host units run on the host (empty for a guest read back from a manifest:
 *                  the host checks are about the config being planned)
 */
public record GuestRoot(String container, String path, String origin, GuestBootstrap bootstrap, Set<HostProgram> programs) {
    public GuestRoot {
        programs = Set.copyOf(programs);
    }

    public GuestRoot(String container, String path, String origin, GuestBootstrap bootstrap) {
        this(container, path, origin, bootstrap, Set.of());
    }

    /** The guest as the manifest records it: the programs are what this plan checks the host for, not a record. */
    @Override
    public boolean equals(Object other) {
        return other instanceof GuestRoot g && container.equals(g.container) && path.equals(g.path)
                && origin.equals(g.origin) && bootstrap.equals(g.bootstrap);
    }

    @Override
    public int hashCode() {
        return Objects.hash(container, path, origin, bootstrap);
    }
}
