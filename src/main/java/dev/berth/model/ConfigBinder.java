package dev.berth.model;

import dev.berth.load.Document;
import dev.berth.load.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a schema-valid document into records, applying defaults in this one place. The schema has
 * already checked every type, so a cast that fails here is a bug, not a user error.
 */
public final class ConfigBinder {
    private ConfigBinder() {
    }

    public static Config bind(Document document) {
        Map<String, Object> root = map(document.root());
        List<Container> containers = new ArrayList<>();
        String containersPath = "/containers";
        map(root.get("containers")).forEach((name, value) ->
                containers.add(container(name, JsonPointer.child(containersPath, name), map(value))));
        return new Config(document.source().baseName(), containers);
    }

    private static Container container(String name, String path, Map<String, Object> c) {
        List<Port> ports = new ArrayList<>();
        map(c.get("ports")).forEach((portName, value) -> {
            Map<String, Object> p = map(value);
            ports.add(new Port(portName, JsonPointer.child(path + "/ports", portName), String.valueOf(p.get("listen")),
                    string(p, "description")));
        });
        List<Service> services = new ArrayList<>();
        map(c.get("services")).forEach((serviceName, value) -> {
            Map<String, Object> s = map(value);
            services.add(new Service(serviceName, JsonPointer.child(path + "/services", serviceName),
                    string(s, "description"), string(s, "socket-description"), string(s, "port"),
                    bool(s, "per-connection"), strings(s.get("exec")), bool(s, "ignore-failure"),
                    string(s, "runtime-directory")));
        });
        Optional<Guest> guest = Optional.ofNullable(c.get("guest"))
                .map(ConfigBinder::map)
                .map(g -> new Guest(string(g, "os"), string(g, "release")));
        return new Container(name, path, string(c, "description"), (String) c.get("root"), guest,
                strings(map(c.get("boot")).get("args")), string(c, "journal"), string(c, "kill-mode"),
                string(c, "socket-description"), ports, services);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static Optional<String> string(Map<String, Object> m, String key) {
        return Optional.ofNullable((String) m.get(key));
    }

    private static boolean bool(Map<String, Object> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
    }
}
