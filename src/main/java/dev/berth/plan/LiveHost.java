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
    /** The properties {@link #properties} reads: what {@code berth status} shows of a running container. */
    List<String> PROPERTIES = List.of("Id", "LoadState", "ActiveState", "SubState", "ActiveEnterTimestamp",
            "NAccepted", "NConnections", "MemoryCurrent");

    /**
     * The load and active state of each unit, in the order asked, from one query ({@code systemctl list-units}).
     * A unit systemd has not loaded (no file, or nothing refers to it) is {@code inactive (dead)}; one it could not be
     * asked about is {@link UnitState#unknown}.
     */
    Map<String, UnitState> units(Collection<String> units);

    /**
     * Every property of {@link #PROPERTIES} of each unit, from one query ({@code systemctl show}). systemd answers
     * it unit by unit, which costs a millisecond or more each: for the few units that run, not for every unit.
     */
    default Map<String, UnitState> properties(Collection<String> units) {
        return units(units);
    }

    /** Where each socket listens, as {@code ADDRESS (Stream)}, from one query ({@code systemctl list-sockets}). */
    default Map<String, List<String>> listening(Collection<String> sockets) {
        return Map.of();
    }

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
