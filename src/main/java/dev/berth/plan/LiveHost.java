package dev.berth.plan;

import java.util.Optional;

/**
 * What the planner asks the running systemd of a live host ({@code --root /}). Queries only: starting and
 * stopping is apply's, through its own port.
 */
public interface LiveHost {
    /** Whether the unit is active ({@code systemctl is-active}). */
    boolean isActive(String unit);

    /** The first line of {@code systemctl --version}, e.g. {@code systemd 252 (252.22-1~deb12u1)}. */
    Optional<String> systemdVersion();

    /** For an offline root: nothing runs there, so nothing is active and no version is known from a process. */
    LiveHost OFFLINE = new LiveHost() {
        @Override
        public boolean isActive(String unit) {
            return false;
        }

        @Override
        public Optional<String> systemdVersion() {
            return Optional.empty();
        }
    };
}
