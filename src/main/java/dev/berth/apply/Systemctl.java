package dev.berth.apply;

import dev.berth.plan.LiveHost;
import dev.berth.plan.UnitState;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The running host's service manager, as apply uses it. The real one runs {@code systemctl} processes;
 * tests record the calls.
 */
public interface Systemctl {
    /** Runs {@code systemctl ARGS...}, e.g. {@code daemon-reload} or {@code start web.socket}. */
    CommandResult call(List<String> args);

    /** What {@code systemctl status UNIT} says, for the report when a step on that unit failed. */
    String status(String unit);

    /** Each unit's state, from one query: after a call on many units failed, which of them got where. */
    Map<String, UnitState> units(Collection<String> units);

    /** For offline roots: a plan for one never holds systemctl steps, so a call is a bug. */
    Systemctl NONE = new Systemctl() {
        @Override
        public CommandResult call(List<String> args) {
            throw new IllegalStateException("no systemctl for an offline root: systemctl " + String.join(" ", args));
        }

        @Override
        public String status(String unit) {
            return "";
        }

        @Override
        public Map<String, UnitState> units(Collection<String> units) {
            return LiveHost.OFFLINE.units(units);
        }
    };
}
