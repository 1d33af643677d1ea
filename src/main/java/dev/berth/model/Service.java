package dev.berth.model;

import dev.berth.option.OptionValues;
import java.util.List;
import java.util.Optional;

/**
 * A unit inside the guest. With ports it is socket activated: per connection (inetd style) or
 * natively (it receives the listening sockets).
 *
 * <pre>
 * sshd:
 *   port: ssh
 *   per-connection: true
 *   exec: [/usr/sbin/sshd, -i]
 *   ignore-failure: true
 *   runtime-directory: sshd
 * </pre>
 *
 * @param ports   the names of the container ports it claims, possibly none
 * @param options the table's options set on it (user, group, restart...)
 * @param sandbox the effective sandbox: built-in defaults, then the container's, then its own
 */
public record Service(String name, String path, Optional<String> description, List<String> ports, boolean perConnection, boolean socketOnStdin,
                      GuestSocket socket, Optional<String> type, List<String> command, boolean ignoreFailure,
                      Optional<String> runtimeDirectory, OptionValues options, ExecSettings exec,
                      Optional<Limits> limits, Sandbox sandbox, Settings settings) {
    public Service {
        ports = List.copyOf(ports);
        command = List.copyOf(command);
    }

    public boolean activated() {
        return !ports.isEmpty();
    }

    /**
     * Whether its unit sends standard output to the journal: a service that takes its one socket on standard input
     * and is not run per connection (where the connection is standard output too).
     */
    public boolean outputToJournal() {
        return activated() && socketOnStdin && !perConnection;
    }
}
