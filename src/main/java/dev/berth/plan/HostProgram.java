package dev.berth.plan;

import java.util.List;

/**
 * What a container's host units run on the host, and the package that brings it: a socket whose program is missing
 * listens, and then fails at the first connection.
 */
public enum HostProgram {
    /** Every container's unit runs it, the stock systemd-nspawn@.service too. */
    NSPAWN("/usr/bin/systemd-nspawn", List.of("usr/bin/systemd-nspawn", "bin/systemd-nspawn"), "runs the container",
            "systemd-container"),
    /** form: nspawn-unit: the container is an instance of the distribution's own unit. */
    NSPAWN_UNIT("systemd-nspawn@.service", List.of("usr/lib/systemd/system/systemd-nspawn@.service",
            "lib/systemd/system/systemd-nspawn@.service", "etc/systemd/system/systemd-nspawn@.service"),
            "is the unit of form: nspawn-unit", "systemd-container"),
    /** idle-stop: connections go through the proxy, which exits when idle. */
    SOCKET_PROXYD("/usr/lib/systemd/systemd-socket-proxyd", List.of("usr/lib/systemd/systemd-socket-proxyd",
            "lib/systemd/systemd-socket-proxyd"), "forwards the connections of idle-stop", "systemd");

    private final String name;
    private final List<String> places;
    private final String role;
    private final String debianAndFedoraPackage;

    HostProgram(String name, List<String> places, String role, String debianAndFedoraPackage) {
        this.name = name;
        this.places = places;
        this.role = role;
        this.debianAndFedoraPackage = debianAndFedoraPackage;
    }

    /** How the units name it: a path, or the stock unit's name. */
    public String unitName() {
        return name;
    }

    /** Where a root may hold it, relative to the root: with and without a merged /usr, or as the admin's copy. */
    List<String> places() {
        return places;
    }

    /** What it does for the container, e.g. "runs the container". */
    String role() {
        return role;
    }

    /** The package that brings it, named alike on Debian, Ubuntu and Fedora. */
    public String debianAndFedoraPackage() {
        return debianAndFedoraPackage;
    }
}
