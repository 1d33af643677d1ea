package dev.berth.translate;

import dev.berth.model.Port;
import dev.berth.unit.Encode;

/** The Listen*= line of a port; host and guest sockets share it, so the guest claims what the host passes. */
final class Listen {
    private Listen() {
    }

    static String directive(Port port) {
        return port.type() == Port.SocketType.DATAGRAM ? "ListenDatagram" : "ListenStream";
    }

    static String value(Port port) {
        return Encode.plain(port.listen());
    }
}
