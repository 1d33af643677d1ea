package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.Port;
import dev.berth.unit.Value;

/**
 * The Listen*= line of a port. The container's socket and the guest's socket unit share it, so the
 * guest claims exactly the descriptor the host passes; with idle-stop both use the proxy's backend path.
 */
final class Listen {
    private Listen() {
    }

    /** What the container's socket listens on, and what the guest's socket unit names. */
    static String directive(Container c, Port port) {
        return port.type() == Port.SocketType.DATAGRAM && c.runtime().idleStop().isEmpty() ? "ListenDatagram" : "ListenStream";
    }

    static Value value(Container c, Port port) {
        return Value.text(c.runtime().idleStop().isPresent() ? ContainerUnits.backendSocketPath(c, port) : port.listen());
    }

    /** The address users connect to: the port as configured (the proxy's front socket with idle-stop). */
    static String publicDirective(Port port) {
        return port.type() == Port.SocketType.DATAGRAM ? "ListenDatagram" : "ListenStream";
    }

    static Value publicValue(Port port) {
        return Value.text(port.listen());
    }
}
