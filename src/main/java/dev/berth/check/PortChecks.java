package dev.berth.check;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.model.Port;
import dev.berth.model.Runtime;
import dev.berth.unit.ValueRules;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Listen addresses: their form, clashes across the whole host, and that a guest service claims each. */
final class PortChecks {
    private record Bound(ListenAddress address, Port port, int order) {
    }

    /**
     * The addresses bound so far under one clash key (one protocol and port number, or one socket path), indexed
     * so that finding the first one a new address clashes with takes constant time: an address clashes with an
     * equal one, and a port on every address with any address of that port.
     */
    private static final class Listeners {
        private final Map<String, Bound> firstByHost = new HashMap<>();
        private Bound first;
        private Bound firstWildcard;
        private int count;

        /** The earliest bound address that {@code address} clashes with, as {@link ListenAddress#clashesWith} says. */
        Bound firstClash(ListenAddress address) {
            if (address.socket() != null || address.host().isEmpty()) {
                return first; // one socket path is one key; a wildcard takes the port on every address
            }
            Bound sameHost = firstByHost.get(address.host());
            if (sameHost == null || firstWildcard != null && firstWildcard.order() < sameHost.order()) {
                return firstWildcard;
            }
            return sameHost;
        }

        void add(ListenAddress address, Port port) {
            Bound bound = new Bound(address, port, count++);
            if (first == null) {
                first = bound;
            }
            if (address.socket() == null && address.host().isEmpty() && firstWildcard == null) {
                firstWildcard = bound;
            }
            if (address.socket() == null) {
                firstByHost.putIfAbsent(address.host(), bound);
            }
        }
    }

    /** The port of the host's own sshd. */
    private static final int HOST_SSH = 22;
    /**
     * Listen addresses that take port 22 on every address of the host, where its sshd listens. A port bound to an
     * address of its own leaves the host's sshd to the addresses it was given.
     */
    private static final Set<String> ALL_ADDRESSES = Set.of("", "0.0.0.0", "[::]", "::");

    private PortChecks() {
    }

    /** The first port from 2222 up that no port of the config uses, for a hint that must not make a clash. */
    private static int freePort(Config config) {
        Set<Integer> used = config.containers().stream().flatMap(c -> c.ports().stream())
                .flatMap(p -> ListenAddress.parse(p.listen()).address().stream())
                .map(ListenAddress::port).collect(Collectors.toSet());
        int port = 2222;
        while (used.contains(port)) {
            port++;
        }
        return port;
    }

    static void check(Config config, Diagnostics diagnostics) {
        // grouped by protocol and port number (or socket path): clash detection stays linear in the number of ports
        Map<String, Listeners> byKey = new HashMap<>();
        int free = 0; // the port P008 suggests, found the first time it is needed
        for (Container c : config.containers()) {
            Set<String> claimed = c.services().stream().flatMap(s -> s.ports().stream()).collect(Collectors.toSet());
            for (Port p : c.ports()) {
                p.description().ifPresent(d -> Values.report(ValueRules.plain(d), p.path() + "/description", diagnostics));
                if (!claimed.contains(p.name())) {
                    diagnostics.error(Code.P003, p.path(), "no guest service of '" + c.name() + "' claims port '" + p.name() + "'",
                            "add a service with 'port: " + p.name() + "', or remove the port: the guest closes sockets nobody claims");
                }
                ListenAddress.Result parsed = ListenAddress.parse(p.listen());
                if (parsed.address().isEmpty()) {
                    diagnostics.error(Code.P001, p.path() + "/listen", "invalid listen address: " + parsed.problem(),
                            "write a port (23), IPV4:PORT (192.0.2.1:80), [IPV6]:PORT ([::1]:80) or /path/to.sock");
                    continue;
                }
                ListenAddress address = parsed.address().get();
                String key = address.socket() != null ? address.clashKey() : p.type() + "/" + address.clashKey();
                Listeners same = byKey.computeIfAbsent(key, k -> new Listeners());
                Bound other = same.firstClash(address);
                if (other != null) {
                    diagnostics.error(Code.P002, p.path() + "/listen", "'" + p.listen() + "' is already listened on by "
                            + other.port().path(), "choose another port or bind each to its own address (ADDR:PORT)");
                } else if (address.port() == HOST_SSH && p.type() == Port.SocketType.STREAM
                        && c.runtime().network() == Runtime.Network.HOST && ALL_ADDRESSES.contains(address.host())) {
                    if (free == 0) {
                        free = freePort(config);
                    }
                    diagnostics.warning(Code.P008, p.path() + "/listen", "port 22 is where the host's own sshd listens, "
                                    + "and container '" + c.name() + "' shares the host's network",
                            "listen on a free port such as " + (address.host().isEmpty() ? "" : address.host() + ":") + free
                                    + ": only one of the two can bind port 22, and SSH clients expect the host there");
                }
                same.add(address, p);
            }
        }
    }
}
