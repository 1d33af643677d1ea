package dev.berth.check;

import dev.berth.option.Option;
import dev.berth.option.Options;
import dev.berth.option.Place;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Directives berth writes from a dedicated config key. The escape hatch is for everything else: a modelled
 * directive there would bypass the key's checks and encoding, or contradict a line berth writes itself.
 */
final class ModelledDirectives {
    /** Lines of berth's own logic in the units of containers and services (the table's come from the table). */
    private static final Map<String, String> SERVICE_LINES = Map.ofEntries(
            Map.entry("Unit/Description", "description"),
            Map.entry("Unit/StartLimitIntervalSec", "start-limit"),
            Map.entry("Unit/StartLimitBurst", "start-limit"),
            Map.entry("Unit/StopWhenUnneeded", "idle-stop"),
            Map.entry("Service/ExecStart", "exec"),
            Map.entry("Service/KillMode", "kill-mode"),
            Map.entry("Service/Type", "type"),
            Map.entry("Service/Delegate", "form"),
            Map.entry("Service/Environment", "environment"),
            Map.entry("Service/EnvironmentFile", "environment-files"),
            Map.entry("Service/RuntimeDirectory", "runtime-directory"),
            Map.entry("Service/RuntimeDirectoryPreserve", "runtime-directory"),
            Map.entry("Service/StandardInput", "per-connection"),
            Map.entry("Service/StandardOutput", "socket-on-stdin"),
            // the book's directive names: berth writes today's names from the same keys
            Map.entry("Service/CPUShares", "limits: cpu-weight"),
            Map.entry("Service/MemoryLimit", "limits: memory-max"),
            Map.entry("Service/BlockIOWeight", "limits: io-weight"),
            Map.entry("Service/PrivateTmp", "sandbox: private-tmp"),
            Map.entry("Service/ProtectSystem", "sandbox: protect-system"),
            Map.entry("Service/ProtectHome", "sandbox: protect-home"),
            Map.entry("Service/NoNewPrivileges", "sandbox: no-new-privileges"),
            Map.entry("Service/ReadOnlyPaths", "sandbox: read-only-paths"),
            Map.entry("Service/ReadWritePaths", "sandbox: read-write-paths"),
            Map.entry("Service/InaccessiblePaths", "sandbox: inaccessible-paths"),
            Map.entry("Install/WantedBy", "ports (berth enables what it generates)"));

    /** In a drop-in only what the drop-in's own keys write is taken: overriding anything else is its purpose. */
    private static final Map<String, String> DROP_IN_LINES = Map.of(
            "Service/Environment", "environment",
            "Service/EnvironmentFile", "environment-files");

    private static final Map<String, String> SERVICE = withTable(SERVICE_LINES, Set.of(Place.CONTAINER, Place.SERVICE), "Service");
    private static final Map<String, String> DROP_IN = withTable(DROP_IN_LINES, Set.of(Place.DROP_IN), null);

    private ModelledDirectives() {
    }

    /** The config key to use instead, if berth models this directive for a generated service. */
    static Optional<String> forService(String section, String key) {
        return Optional.ofNullable(SERVICE.get(section + "/" + key));
    }

    /**
     * As {@link #forService(String, String)}, for a service whose unit berth writes no StandardOutput= for: there
     * the settings may send its output elsewhere.
     */
    static Optional<String> forServiceWithOwnOutput(String section, String key) {
        return "Service".equals(section) && "StandardOutput".equals(key) ? Optional.empty() : forService(section, key);
    }

    static Optional<String> forDropIn(String section, String key) {
        String modelled = DROP_IN.get(section + "/" + key);
        // limits go to the section of the drop-in's unit type, whichever that is
        return Optional.ofNullable(modelled != null ? modelled : DROP_IN.get(Option.OWN_SECTION + "/" + key));
    }

    /**
     * Berth's own lines and the table's options written at these places and in limits.
     *
     * @param ownSection the section limits go to, or null where it depends on the unit
     */
    private static Map<String, String> withTable(Map<String, String> own, Set<Place> places, String ownSection) {
        Map<String, String> all = new HashMap<>(own);
        for (Option o : Options.ALL) {
            boolean limit = o.places().contains(Place.LIMITS);
            if (limit || o.places().stream().anyMatch(places::contains)) {
                String section = ownSection == null ? o.section() : o.section(ownSection);
                // the first option of a directive names it: the modern key comes before its deprecated one
                all.putIfAbsent(section + "/" + o.directive(), limit ? "limits: " + o.key() : o.key());
            }
        }
        return Map.copyOf(all);
    }
}
