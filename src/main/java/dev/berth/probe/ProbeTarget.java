package dev.berth.probe;

import java.util.List;

/**
 * One port's probe as the compiled config installs it (in {@value ProbeFile#PATH}), with what finds the container's
 * journal and what tells whether a plan changed the container.
 *
 * @param listen    the host socket's address as the config writes it
 * @param machine   the name the container runs under (journalctl -M)
 * @param unit      the host unit that runs the container (its own journal lines when the guest has none)
 * @param guestRoot the guest's root below the root, e.g. {@code srv/web}
 * @param paths     the container's files outside its guest root (its host units, drop-ins and links)
 */
public record ProbeTarget(String container, String port, String listen, Probe probe, String machine, String unit,
                          String guestRoot, List<String> paths) {
    public ProbeTarget {
        paths = List.copyOf(paths);
    }

    /** {@code container/port}, as reports name it. */
    public String name() {
        return container + "/" + port;
    }
}
