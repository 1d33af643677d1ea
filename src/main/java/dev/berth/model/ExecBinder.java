package dev.berth.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Binds {@code environment} and {@code environment-files} of a service, container or drop-in. */
final class ExecBinder {
    private ExecBinder() {
    }

    static ExecSettings bind(Obj o, Map<String, String> origins) {
        List<ExecSettings.EnvVar> environment = new ArrayList<>();
        o.obj("environment").map().forEach((k, v) -> environment.add(new ExecSettings.EnvVar(k, Obj.scalar(v))));
        List<ExecSettings.EnvFile> files = new ArrayList<>();
        Object raw = o.map().get("environment-files");
        if (raw instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?>) {
                    Obj f = Obj.of(item, "");
                    files.add(new ExecSettings.EnvFile(f.string("path").orElseThrow(), f.bool("optional").orElse(false)));
                } else {
                    files.add(new ExecSettings.EnvFile(String.valueOf(item), false));
                }
            }
        }
        String path = origins.getOrDefault("environment", o.path());
        return new ExecSettings(path, environment, files);
    }
}
