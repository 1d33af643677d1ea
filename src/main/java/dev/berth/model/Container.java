package dev.berth.model;

import dev.berth.option.OptionValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One nspawn container: a host service running systemd-nspawn, a host socket listening for it, and
 * the units inside its root.
 *
 * <pre>
 * mycontainer:
 *   description: My little container
 *   root: /srv/mycontainer
 *   boot: {args: ["3"]}
 *   journal: link
 *   kill-mode: process
 * </pre>
 *
 * @param path    the config path of this container, e.g. {@code /containers/mycontainer}
 * @param options the table's options set on it (restart, timeouts...)
 * @param origins for keys taken from a template: key to the config path of the object that set it
 */
public record Container(String name, String path, Map<String, String> origins, Optional<String> description,
                        String root, Optional<Guest> guest, List<String> bootArgs, Optional<String> journal,
                        Optional<String> killMode, OptionValues options, ExecSettings exec, Optional<Limits> limits,
                        HostSocket socket, Runtime runtime, List<Port> ports, List<Service> services,
                        List<DropIn> dropIns, List<String> mask, Settings settings) {
    public Container {
        origins = Map.copyOf(origins);
        bootArgs = List.copyOf(bootArgs);
        ports = List.copyOf(ports);
        services = List.copyOf(services);
        dropIns = List.copyOf(dropIns);
        mask = List.copyOf(mask);
    }

    /** The config path of one of this container's keys, in the template if the template set it. */
    public String keyPath(String key) {
        return origins.getOrDefault(key, path) + "/" + key;
    }

    public Optional<Port> port(String portName) {
        return ports.stream().filter(p -> p.name().equals(portName)).findFirst();
    }
}
