package dev.berth.model;

import java.util.List;

/**
 * A whole berth.yaml after binding and defaults.
 *
 * <pre>
 * berth: 1
 * containers:
 *   mycontainer: {root: /srv/mycontainer, ports: {ssh: {listen: 23}}, services: {...}}
 * </pre>
 *
 * @param sourceName the file name shown in generated headers
 */
public record Config(String sourceName, List<Container> containers) {
    public Config {
        containers = List.copyOf(containers);
    }
}
