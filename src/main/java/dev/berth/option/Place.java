package dev.berth.option;

/**
 * The objects of a config that hold options, each with the config path below a container where it lives and the
 * unit its lines go to.
 */
public enum Place {
    /** {@code containers/NAME/KEY} (and templates): the host unit that runs systemd-nspawn. */
    CONTAINER("", "the container's host service"),
    /** {@code containers/NAME/services/SERVICE/KEY}: the guest service. */
    SERVICE("services/SERVICE/", "the guest service"),
    /** {@code containers/NAME/socket/KEY}: the host socket (and the idle-stop proxies' front sockets). */
    HOST_SOCKET("socket/", "the container's host socket"),
    /** {@code containers/NAME/services/SERVICE/socket/KEY}: the guest socket of an activated service. */
    GUEST_SOCKET("services/SERVICE/socket/", "the guest socket"),
    /** {@code .../limits/KEY} wherever limits appear: the section of the unit they are written into. */
    LIMITS("limits/", "the unit the limits belong to"),
    /** {@code containers/NAME/drop-ins/UNIT/FILE/KEY}: a drop-in's own lines. */
    DROP_IN("drop-ins/UNIT/FILE/", "the drop-in");

    private final String prefix;
    private final String unit;

    Place(String prefix, String unit) {
        this.prefix = prefix;
        this.unit = unit;
    }

    /** Where the option's key is written, relative to a container: {@code services/SERVICE/user}. */
    public String configPath(String key) {
        return prefix + key;
    }

    /** The unit the option's line goes to, in words. */
    public String unit() {
        return unit;
    }
}
