package dev.berth.status;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code berth status} tells of a root: per container of the config, in the config's order, its sockets, the
 * container unit, the idle-stop setting and whether its installed files are still as the last apply left them; and
 * the root's generations.
 *
 * @param root        the root, as shown to the user
 * @param live        whether it is the running host: only then are there sockets and containers to ask about
 * @param applied     whether the root has a manifest, i.e. berth has applied a config there
 * @param sameConfig  whether the manifest records this very config (and build of berth) as the one applied; empty
 *                    when it records none
 * @param generations the applies berth keeps of the root, to roll back to
 * @param probes      the last result of each port's probe, as apply kept them
 */
public record HostStatus(Path root, boolean live, boolean applied, Optional<Boolean> sameConfig,
                         List<ContainerStatus> containers, GenerationsStatus generations, ProbesStatus probes) {
    public HostStatus {
        containers = List.copyOf(containers);
    }

    /** A status without probe results. */
    public HostStatus(Path root, boolean live, boolean applied, Optional<Boolean> sameConfig,
                      List<ContainerStatus> containers, GenerationsStatus generations) {
        this(root, live, applied, sameConfig, containers, generations, ProbesStatus.NONE);
    }

    /** Every socket of every container: what the exit status is about. */
    public List<SocketStatus> sockets() {
        return containers.stream().flatMap(c -> c.sockets().stream()).toList();
    }

    /** Whether every socket berth owns listens; on an offline root nothing listens and nothing is expected to. */
    public boolean allListening() {
        return !live || sockets().stream().allMatch(SocketStatus::listening);
    }

    /**
     * One container.
     *
     * @param idleStop the config's idle-stop, empty when the container runs until stopped
     * @param service  the unit that runs the container; on an offline root, only its name
     */
    public record ContainerStatus(String name, List<SocketStatus> sockets, UnitStatus service, Optional<String> idleStop,
                                  Files files) {
        public ContainerStatus {
            sockets = List.copyOf(sockets);
        }
    }

    /**
     * A host socket berth owns for a container: its own, or with idle-stop the front socket of a port.
     *
     * @param front       whether it is where clients connect: false for the container's own socket behind idle-stop's
     *                    proxies, which listens on a path below /run/berth
     * @param listen      where it listens: systemd's {@code Listen=} on a live host ({@code [::]:23 (Stream)}), the
     *                    config's addresses offline
     * @param listening   whether systemd has it listening (live only)
     * @param accepted    connections accepted since it started ({@code NAccepted}), live only
     * @param connections connections open now ({@code NConnections}), live only
     */
    public record SocketStatus(String unit, boolean front, List<String> listen, boolean listening, String state, OptionalLong accepted,
                               OptionalLong connections) {
        public SocketStatus {
            listen = List.copyOf(listen);
        }
    }

    /**
     * A unit as systemd has it.
     *
     * @param state       {@code active (running)}, {@code inactive (dead)}, …; empty offline
     * @param since       when it last became active, as systemd prints it; empty when it is not running
     * @param memoryBytes its memory now ({@code MemoryCurrent}), when it runs and the host accounts for it
     */
    public record UnitStatus(String unit, String state, boolean running, Optional<String> since, OptionalLong memoryBytes) {
    }

    /**
     * The container's installed files against the manifest, told by their stamps (the files are not read).
     *
     * @param state   how they stand
     * @param count   how many files and links of the container the manifest lists
     * @param changed the listed paths whose stamp differs or that are gone, in path order
     */
    public record Files(FilesState state, int count, List<String> changed) {
        public Files {
            changed = List.copyOf(changed);
        }
    }

    public enum FilesState {
        /** Every listed path has the stamp the last apply recorded. */
        AS_APPLIED("as-applied"),
        /** Some listed path changed or is gone since the last apply. */
        CHANGED("changed"),
        /** The manifest lists none of the container's files: the config was changed and not applied since. */
        NOT_APPLIED("not-applied"),
        /** The manifest records no stamps (written by an older berth): only a plan can tell. */
        UNKNOWN("unknown");

        private final String word;

        FilesState(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }
}
