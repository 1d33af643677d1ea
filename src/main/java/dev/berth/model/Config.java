package dev.berth.model;

import java.util.List;

/**
 * A whole berth.yaml after templates are expanded and defaults applied.
 *
 * <pre>
 * berth: 1
 * containers:
 *   mycontainer: {root: /srv/mycontainer, ports: {ssh: {listen: 23}}, services: {...}}
 * host:
 *   drop-ins: {httpd.service: {limits.conf: {limits: {cpu-weight: 150}}}}
 * </pre>
 *
 * @param sourceName  the file name shown in generated headers
 * @param targetSystemd the oldest systemd version the units must work on
 * @param hostDropIns drop-ins for units on the host
 */
public record Config(String sourceName, int targetSystemd, List<Container> containers, List<DropIn> hostDropIns) {
    public Config {
        containers = List.copyOf(containers);
        hostDropIns = List.copyOf(hostDropIns);
    }
}
