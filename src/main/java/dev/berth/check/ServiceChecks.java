package dev.berth.check;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.model.Service;
import dev.berth.unit.UnitName;
import dev.berth.unit.ValueRules;
import java.util.HashMap;
import java.util.Map;

/** Guest services: names, port references, commands, and what per-connection services need. */
final class ServiceChecks {
    private ServiceChecks() {
    }

    static void check(Config config, Diagnostics diagnostics) {
        for (Container c : config.containers()) {
            Map<String, Service> claims = new HashMap<>();
            for (Service s : c.services()) {
                UnitName.problem(s.name()).ifPresent(p -> diagnostics.error(Code.N002, s.path(), "invalid service name: " + p,
                        "use letters, digits, '_', '.' and '-'; berth adds '@' and the suffix itself"));
                checkPort(c, s, claims, diagnostics);
                checkCommand(s, diagnostics);
                s.description().ifPresent(d -> Values.report(ValueRules.plain(d), s.path() + "/description", diagnostics));
                s.socketDescription().ifPresent(d -> Values.report(ValueRules.plain(d), s.path() + "/socket-description", diagnostics));
                s.runtimeDirectory().ifPresent(d -> Values.report(ValueRules.word(d), s.path() + "/runtime-directory", diagnostics));
            }
        }
    }

    private static void checkPort(Container c, Service s, Map<String, Service> claims, Diagnostics diagnostics) {
        if (s.port().isEmpty()) {
            if (s.perConnection()) {
                diagnostics.error(Code.P006, s.path() + "/per-connection", "a per-connection service needs a port",
                        "add 'port: NAME' naming one of the container's ports, or remove 'per-connection'");
            }
            return;
        }
        String name = s.port().get();
        if (c.port(name).isEmpty()) {
            diagnostics.error(Code.P004, s.path() + "/port", "container '" + c.name() + "' has no port '" + name + "'",
                    c.ports().isEmpty() ? "define it under " + c.path() + "/ports"
                            : dev.berth.schema.DidYouMean.closest(name, c.ports().stream().map(p -> p.name()).toList())
                                    .map(k -> "did you mean '" + k + "'?")
                                    .orElse("known ports: " + String.join(", ", c.ports().stream().map(p -> p.name()).toList())));
            return;
        }
        Service other = claims.putIfAbsent(name, s);
        if (other != null) {
            diagnostics.error(Code.P005, s.path() + "/port", "port '" + name + "' is already claimed by service '" + other.name() + "'",
                    "each port is passed to exactly one guest socket; add another port for this service");
        }
        if (s.perConnection()) {
            checkInetdStyle(s, diagnostics);
        }
        if (s.perConnection() && isSshd(s) && s.runtimeDirectory().isEmpty()) {
            diagnostics.warning(Code.C001, s.path(), "sshd exits at once without its privilege separation directory /run/sshd",
                    "add 'runtime-directory: sshd' to this service");
        }
    }

    /**
     * A per-connection service gets the connection as standard input and output. Daemons that need a flag
     * for that are told so; daemons that only ever listen themselves cannot be run this way at all.
     */
    private static void checkInetdStyle(Service s, Diagnostics diagnostics) {
        String program = programName(s);
        String flag = INETD_FLAG.get(program);
        if (flag != null && !s.exec().subList(1, s.exec().size()).contains(flag)) {
            diagnostics.error(Code.P006, s.path() + "/exec", program + " serves one connection on standard input only with '"
                    + flag + "'", "add '" + flag + "' to exec, as in [" + s.exec().get(0) + ", " + flag + "]");
        } else if (NEVER_INETD.contains(program)) {
            diagnostics.error(Code.P006, s.path() + "/per-connection", program + " cannot serve a connection on standard input",
                    "set 'per-connection: false' (it then receives the listening socket, if it supports socket activation) "
                            + "or run it without a port");
        }
    }

    /** Daemons with an inetd mode behind a flag. */
    private static final java.util.Map<String, String> INETD_FLAG = java.util.Map.of("sshd", "-i", "dropbear", "-i");
    /** Daemons that only listen themselves: per connection they would start, fail to bind and exit. */
    private static final java.util.Set<String> NEVER_INETD = java.util.Set.of("nginx", "httpd", "apache2", "caddy",
            "haproxy", "redis-server", "memcached", "postgres", "mysqld", "mariadbd");

    private static String programName(Service s) {
        String program = s.exec().get(0);
        return program.substring(program.lastIndexOf('/') + 1);
    }

    private static void checkCommand(Service s, Diagnostics diagnostics) {
        Values.report(ValueRules.execProgram(s.exec().get(0)), s.path() + "/exec/0", diagnostics);
        for (int i = 1; i < s.exec().size(); i++) {
            Values.report(ValueRules.execArgument(s.exec().get(i)), s.path() + "/exec/" + i, diagnostics);
        }
    }

    private static boolean isSshd(Service s) {
        return s.exec().get(0).endsWith("/sshd");
    }
}
