package dev.berth.model;

import java.util.List;
import java.util.Optional;

/**
 * A unit inside the guest. With a port it is socket activated: per connection (inetd style) or
 * natively (it receives the listening socket).
 *
 * <pre>
 * sshd:
 *   port: ssh
 *   per-connection: true
 *   exec: [/usr/sbin/sshd, -i]
 *   ignore-failure: true
 *   runtime-directory: sshd
 * </pre>
 */
public record Service(String name, String path, Optional<String> description, Optional<String> socketDescription,
                      Optional<String> port, boolean perConnection, List<String> exec, boolean ignoreFailure,
                      Optional<String> runtimeDirectory) {
    public Service {
        exec = List.copyOf(exec);
    }
}
