package dev.berth.check;

import java.util.Map;
import java.util.Optional;

/**
 * Directives berth writes from a dedicated config key. The escape hatch is for everything else:
 * a modelled directive there would bypass the key's checks and encoding.
 */
final class ModelledDirectives {
    private static final Map<String, String> SERVICE = Map.ofEntries(
            Map.entry("Unit/Description", "description"),
            Map.entry("Service/ExecStart", "exec"),
            Map.entry("Service/KillMode", "kill-mode"),
            Map.entry("Service/Restart", "restart"),
            Map.entry("Service/Type", "type"),
            Map.entry("Service/Environment", "environment"),
            Map.entry("Service/EnvironmentFile", "environment-files"),
            Map.entry("Service/User", "user"),
            Map.entry("Service/Group", "group"),
            Map.entry("Service/WorkingDirectory", "working-directory"),
            Map.entry("Service/RuntimeDirectory", "runtime-directory"),
            Map.entry("Service/StandardInput", "per-connection"),
            Map.entry("Service/CPUWeight", "limits: cpu-weight"),
            Map.entry("Service/CPUQuota", "limits: cpu-quota"),
            Map.entry("Service/MemoryMax", "limits: memory-max"),
            Map.entry("Service/MemoryHigh", "limits: memory-high"),
            Map.entry("Service/TasksMax", "limits: tasks-max"),
            Map.entry("Service/IOWeight", "limits: io-weight"),
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
    private static final Map<String, String> DROP_IN = Map.ofEntries(
            Map.entry("Service/Restart", "restart"),
            Map.entry("Service/Environment", "environment"),
            Map.entry("Service/EnvironmentFile", "environment-files"),
            Map.entry("Service/CPUWeight", "limits: cpu-weight"),
            Map.entry("Service/CPUQuota", "limits: cpu-quota"),
            Map.entry("Service/MemoryMax", "limits: memory-max"),
            Map.entry("Service/MemoryHigh", "limits: memory-high"),
            Map.entry("Service/TasksMax", "limits: tasks-max"),
            Map.entry("Service/IOWeight", "limits: io-weight"));

    private ModelledDirectives() {
    }

    /** The config key to use instead, if berth models this directive for a generated service. */
    static Optional<String> forService(String section, String key) {
        return Optional.ofNullable(SERVICE.get(section + "/" + key));
    }

    static Optional<String> forDropIn(String section, String key) {
        return Optional.ofNullable(DROP_IN.get(section + "/" + key));
    }
}
