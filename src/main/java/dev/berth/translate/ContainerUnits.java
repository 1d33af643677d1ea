package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.Port;
import dev.berth.model.Runtime;

/** The names of a container's host units, which depend on its form and on idle shutdown. */
public final class ContainerUnits {
    private ContainerUnits() {
    }

    /** The unit that runs systemd-nspawn: NAME.service, or the stock systemd-nspawn@NAME.service. */
    public static String service(Container c) {
        return base(c) + ".service";
    }

    /** The socket that starts the container and whose file descriptors the guest receives. */
    public static String socket(Container c) {
        return base(c) + ".socket";
    }

    /** With idle-stop: the front socket and proxy service of one port. */
    public static String proxy(Container c, Port p, String suffix) {
        return c.name() + "-proxy-" + p.name() + suffix;
    }

    /** With idle-stop the container's own socket listens here, behind the proxy, and the guest claims the same path. */
    public static String backendSocketPath(Container c, Port p) {
        return "/run/berth/" + c.name() + "/" + p.name() + ".sock";
    }

    private static String base(Container c) {
        return c.runtime().form() == Runtime.Form.NSPAWN_UNIT ? "systemd-nspawn@" + c.name() : c.name();
    }
}
