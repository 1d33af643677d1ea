package dev.berth.model;

import java.util.List;

/**
 * The environment of a service's processes.
 *
 * @param path the config path of the object holding {@code environment} and {@code environment-files}
 */
public record ExecSettings(String path, List<EnvVar> environment, List<EnvFile> environmentFiles) {
    public ExecSettings {
        environment = List.copyOf(environment);
        environmentFiles = List.copyOf(environmentFiles);
    }

    /** {@code KEY: value} from {@code environment}. */
    public record EnvVar(String name, String value) {
    }

    /** An {@code environment-files} entry; optional files may be missing (the '-' prefix). */
    public record EnvFile(String path, boolean optional) {
    }
}
