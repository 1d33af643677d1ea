package dev.berth.check;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.model.Port;
import dev.berth.model.Service;
import dev.berth.schema.DidYouMean;
import dev.berth.unit.UnitName;
import dev.berth.unit.ValueRules;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Guest services: names, port claims, commands, and what per-connection services need. */
final class ServiceChecks {
    private ServiceChecks() {
    }

    static void check(Config config, Diagnostics diagnostics) {
        for (Container c : config.containers()) {
            Map<String, Service> claims = new HashMap<>();
            for (Service s : c.services()) {
                UnitName.problem(s.name()).ifPresent(p -> diagnostics.error(Code.N002, s.path(), "invalid service name: " + p,
                        "use letters, digits, '_', '.' and '-'; berth adds '@' and the suffix itself"));
                for (int i = 0; i < s.ports().size(); i++) {
                    checkClaim(c, s, s.ports().get(i), s.ports().size() == 1 ? s.path() + "/port" : s.path() + "/port/" + i,
                            claims, diagnostics);
                }
                checkPerConnection(c, s, diagnostics);
                checkCommand(s, diagnostics);
                s.description().ifPresent(d -> Values.report(ValueRules.plain(d), s.path() + "/description", diagnostics));
                s.socket().description().ifPresent(d -> Values.report(ValueRules.plain(d), s.socket().path() + "/description", diagnostics));
                s.runtimeDirectory().ifPresent(d -> Values.report(ValueRules.word(d), s.path() + "/runtime-directory", diagnostics));
                OptionChecks.check(s.options(), diagnostics);
                OptionChecks.check(s.socket().options(), diagnostics);
                ExecChecks.check(s.exec(), diagnostics);
                s.limits().ifPresent(l -> LimitsChecks.check(l, diagnostics));
                SandboxChecks.check(s, diagnostics);
                SettingsChecks.check(s.settings(), Set.of("Unit", "Service", "Install"), s.outputToJournal()
                        ? ModelledDirectives::forService : ModelledDirectives::forServiceWithOwnOutput, config.targetSystemd(), diagnostics);
            }
        }
    }

    private static void checkClaim(Container c, Service s, String name, String path, Map<String, Service> claims,
                                   Diagnostics diagnostics) {
        if (c.port(name).isEmpty()) {
            diagnostics.error(Code.P004, path, "container '" + c.name() + "' has no port '" + name + "'",
                    c.ports().isEmpty() ? "define it under " + c.keyPath("ports")
                            : DidYouMean.closest(name, c.ports().stream().map(Port::name).toList())
                                    .map(k -> "did you mean '" + k + "'?")
                                    .orElse("known ports: " + String.join(", ", c.ports().stream().map(Port::name).toList())));
            return;
        }
        Service other = claims.putIfAbsent(name, s);
        if (other != null && other != s) {
            diagnostics.error(Code.P005, path, "port '" + name + "' of '" + c.name() + "' is already claimed by service '"
                    + other.name() + "'", "each port is passed to exactly one guest socket; add another port for this service");
        }
    }

    private static void checkPerConnection(Container c, Service s, Diagnostics diagnostics) {
        if (s.socketOnStdin() && (s.perConnection() || s.ports().size() != 1)) {
            diagnostics.error(Code.P006, s.path() + "/socket-on-stdin", s.perConnection()
                            ? "a per-connection service always gets its connection on standard input"
                            : "only one socket can be standard input; this service claims " + s.ports().size(),
                    s.perConnection() ? "remove socket-on-stdin" : "give it exactly one port");
        }
        if (!s.perConnection()) {
            return;
        }
        String path = s.path() + "/per-connection";
        if (s.ports().size() != 1) {
            diagnostics.error(Code.P006, path, s.ports().isEmpty() ? "a per-connection service needs a port"
                            : "a per-connection service serves one port; this one names " + s.ports().size(),
                    "give it exactly one 'port', or make it a native service (per-connection: false)");
            return;
        }
        Optional<Port> port = c.port(s.ports().get(0));
        if (port.isPresent() && port.get().type() == Port.SocketType.DATAGRAM) {
            diagnostics.error(Code.P006, path, "datagram sockets have no connections to accept (Accept=yes needs a stream socket)",
                    "use per-connection: false; the service then receives the datagram socket itself");
        }
        checkInetdStyle(s, diagnostics);
        if (isSshd(s) && s.runtimeDirectory().isEmpty()) {
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
        if (flag != null && !s.command().subList(1, s.command().size()).contains(flag)) {
            diagnostics.error(Code.P006, s.path() + "/exec", program + " serves one connection on standard input only with '"
                    + flag + "'", "add '" + flag + "' to exec, as in [" + s.command().get(0) + ", " + flag + "]");
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
        String program = s.command().get(0);
        return program.substring(program.lastIndexOf('/') + 1);
    }

    private static void checkCommand(Service s, Diagnostics diagnostics) {
        CommandChecks.check(s.command(), "exec", s.path() + "/exec", diagnostics);
    }

    private static boolean isSshd(Service s) {
        return s.command().get(0).endsWith("/sshd");
    }
}
