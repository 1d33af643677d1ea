package dev.berth.model;

import java.util.List;
import java.util.Optional;

/**
 * One nspawn container: a host service running systemd-nspawn, a host socket listening for it, and
 * the guest units inside its root.
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
 * @param path the config path of this container, e.g. {@code /containers/mycontainer}
 */
public record Container(String name, String path, Optional<String> description, String root, Optional<Guest> guest,
                        List<String> bootArgs, Optional<String> journal, Optional<String> killMode,
                        Optional<String> socketDescription, List<Port> ports, List<Service> services) {
    public Container {
        bootArgs = List.copyOf(bootArgs);
        ports = List.copyOf(ports);
        services = List.copyOf(services);
    }

    public Optional<Port> port(String portName) {
        return ports.stream().filter(p -> p.name().equals(portName)).findFirst();
    }
}
