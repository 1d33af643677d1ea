package dev.berth.check;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.model.Port;
import dev.berth.unit.ValueRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Listen addresses: their form, clashes across the whole host, and that a guest service claims each. */
final class PortChecks {
    private record Bound(ListenAddress address, Container container, Port port) {
    }

    private PortChecks() {
    }

    /** The socket type of a port; every port is a stream socket until the language has datagram ports. */
    static String protocol(Port port) {
        return "stream";
    }

    static void check(Config config, Diagnostics diagnostics) {
        // grouped by port number (or socket path), so clash detection stays linear in the number of ports
        Map<String, List<Bound>> byKey = new HashMap<>();
        for (Container c : config.containers()) {
            Set<String> claimed = c.services().stream().flatMap(s -> s.port().stream()).collect(Collectors.toSet());
            for (Port p : c.ports()) {
                p.description().ifPresent(d -> Values.report(ValueRules.plain(d), p.path() + "/description", diagnostics));
                ListenAddress.Result parsed = ListenAddress.parse(p.listen());
                if (parsed.address().isEmpty()) {
                    diagnostics.error(Code.P001, p.path() + "/listen", "invalid listen address: " + parsed.problem(),
                            "write a port (23), IPV4:PORT (192.0.2.1:80), [IPV6]:PORT ([::1]:80) or /path/to.sock");
                    continue;
                }
                ListenAddress address = parsed.address().get();
                // TCP and UDP (and unix stream and datagram) ports do not clash with each other
                List<Bound> same = byKey.computeIfAbsent(protocol(p) + " " + address.clashKey(), k -> new ArrayList<>());
                for (Bound other : same) {
                    if (other.address().clashesWith(address)) {
                        diagnostics.error(Code.P002, p.path() + "/listen", "'" + p.listen() + "' is already listened on by "
                                + other.port().path(), "choose another port or bind each to its own address (ADDR:PORT)");
                        break;
                    }
                }
                same.add(new Bound(address, c, p));
                if (!claimed.contains(p.name())) {
                    diagnostics.error(Code.P003, p.path(), "no guest service claims port '" + p.name() + "'",
                            "add a service with 'port: " + p.name() + "', or remove the port: the guest closes sockets nobody claims");
                }
            }
        }
    }
}
