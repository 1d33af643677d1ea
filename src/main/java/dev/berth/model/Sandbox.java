package dev.berth.model;

import java.util.List;
import java.util.Optional;

/**
 * The effective sandbox of a guest service (systemd.exec). Absent values are not written.
 *
 * @param protectSystem "yes", "full" or "strict" (false values are absent)
 * @param protectHome   "yes", "read-only" or "tmpfs"
 */
public record Sandbox(Optional<Boolean> privateTmp, Optional<String> protectSystem, Optional<String> protectHome,
                      Optional<Boolean> noNewPrivileges, List<String> readOnlyPaths, List<String> readWritePaths,
                      List<String> inaccessiblePaths) {
    public static final Sandbox NONE = new Sandbox(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(), List.of(), List.of());

    /** What native and plain guest services get unless told otherwise. */
    public static final Sandbox DEFAULTS = new Sandbox(Optional.of(true), Optional.of("full"), Optional.empty(),
            Optional.of(true), List.of(), List.of(), List.of());

    public Sandbox {
        readOnlyPaths = List.copyOf(readOnlyPaths);
        readWritePaths = List.copyOf(readWritePaths);
        inaccessiblePaths = List.copyOf(inaccessiblePaths);
    }
}
