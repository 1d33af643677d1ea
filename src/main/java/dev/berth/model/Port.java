package dev.berth.model;

import java.util.Optional;

/**
 * A socket the host holds for its container: {@code ssh: {listen: 23, description: ...}}.
 *
 * @param listen the address as the user wrote it (a number is kept as its decimal text)
 * @param probe  how apply checks that the container answers on it, when the config says
 */
public record Port(String name, String path, String listen, SocketType type, Optional<String> description,
                   Optional<PortProbe> probe) {
    /** Stream (TCP, unix stream) or datagram (UDP, unix datagram). */
    public enum SocketType { STREAM, DATAGRAM }
}
