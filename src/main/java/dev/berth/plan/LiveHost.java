package dev.berth.plan;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the planner asks the running systemd of a live host ({@code --root /}). Queries only: starting and
 * stopping is apply's, through its own port. Each query asks about every unit at once: one process for a
 * thousand units costs what one costs for one.
 */
public interface LiveHost {
    /** The properties berth reads of every unit it asks about: what planning and {@code berth status} need. */
    List<String> PROPERTIES = List.of("Id", "LoadState", "ActiveState", "SubState", "ActiveEnterTimestamp",
            "Listen", "NAccepted", "NConnections", "MemoryCurrent");

    /**
     * The state of each unit, in the order asked, from one query ({@code systemctl show}). A unit systemd does not
     * know answers {@code LoadState=not-found}; one it could not be asked about is {@link UnitState#unknown}.
     */
    Map<String, UnitState> units(Collection<String> units);

    /** The TCP sockets listening and the UDP sockets bound on the host now; empty when that cannot be read. */
    default List<Listener> listeners() {
        return List.of();
    }

    /** The process holding each of these sockets, by inode, as {@code NAME (pid N)}; those it cannot tell are left out. */
    default Map<Long, String> holders(Collection<Long> inodes) {
        return Map.of();
    }

    /** The first line of {@code systemctl --version}, e.g. {@code systemd 252 (252.22-1~deb12u1)}. */
    Optional<String> systemdVersion();

    /** For an offline root: nothing runs there, so nothing is active and no version is known from a process. */
    LiveHost OFFLINE = new LiveHost() {
        @Override
        public Map<String, UnitState> units(Collection<String> units) {
            Map<String, UnitState> states = new LinkedHashMap<>();
            units.forEach(u -> states.put(u, UnitState.unknown(u)));
            return states;
        }

        @Override
        public Optional<String> systemdVersion() {
            return Optional.empty();
        }
    };
}
