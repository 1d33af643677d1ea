package dev.berth.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.diag.Diagnostic;
import dev.berth.load.Source;
import dev.berth.model.Config;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validation errors of the configuration language, one row per rule: the input, the code, the
 * config path and the line berth must point at.
 */
class LanguageErrorsTest {
    private static final String CONTAINER = """
            berth: 1
            containers:
              a:
                root: /srv/a
                ports: {web: {listen: 80}}
                services:
                  s:
                    port: web
                    exec: [/usr/bin/srv]
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                row("unknown template", """
                        berth: 1
                        templates: {site: {root-parent: /srv}}
                        containers:
                          a: {template: stie}
                        """, "R001", "/containers/a/template", 4),
                row("template root shared by two containers", """
                        berth: 1
                        templates:
                          site:
                            root: /srv/same
                        containers:
                          a: {template: site}
                          b: {template: site}
                        """, "N003", "/templates/site/root", 4),
                row("template port no service claims", """
                        berth: 1
                        templates:
                          site:
                            ports: {web: {listen: 80}}
                        containers:
                          a: {template: site}
                        """, "P003", "/templates/site/ports/web", 4),
                row("drop-in file name without .conf", """
                        berth: 1
                        containers: {}
                        host:
                          drop-ins:
                            httpd.service:
                              limits: {limits: {cpu-weight: 10}}
                        """, "N004", "/host/drop-ins/httpd.service/limits", 6),
                row("drop-in for a name that is no unit", """
                        berth: 1
                        containers: {}
                        host:
                          drop-ins:
                            httpd:
                              x.conf: {restart: always}
                        """, "N002", "/host/drop-ins/httpd", 5),
                row("limits on a target", """
                        berth: 1
                        containers: {}
                        host:
                          drop-ins:
                            multi-user.target:
                              x.conf: {limits: {cpu-weight: 10}}
                        """, "L001", "/host/drop-ins/multi-user.target/x.conf/limits", 6),
                row("the book's CPUShares", CONTAINER.replace("    root: /srv/a\n", "    root: /srv/a\n    limits: {cpu-shares: 1500}\n"),
                        "D001", "/containers/a/limits/cpu-shares", 5),
                row("both cpu-shares and cpu-weight", CONTAINER.replace("    root: /srv/a\n",
                        "    root: /srv/a\n    limits: {cpu-shares: 1500, cpu-weight: 100}\n"), "D001", "/containers/a/limits/cpu-shares", 5),
                row("escape hatch sets a modelled directive", CONTAINER + "        settings: {Service: {ExecStart: [/bin/true]}}\n",
                        "H001", "/containers/a/services/s/settings/Service/ExecStart", 10),
                row("escape hatch section of another unit type", CONTAINER + "        settings: {Socket: {Backlog: 5}}\n",
                        "H002", "/containers/a/services/s/settings/Socket", 10),
                row("escape hatch command as a string", CONTAINER + "        settings: {Service: {ExecStartPre: /bin/mkdir -p /run/x}}\n",
                        "H003", "/containers/a/services/s/settings/Service/ExecStartPre", 10),
                row("escape hatch value with a newline", CONTAINER + "        settings: {Service: {Nice: \"5\\nUser=root\"}}\n",
                        "V001", "/containers/a/services/s/settings/Service/Nice", 10),
                row("escape hatch unknown section name", CONTAINER + "        settings: {Servce: {Nice: 5}}\n",
                        "S005", "/containers/a/services/s/settings", 10),
                row("per-connection on a datagram port", CONTAINER.replace("{listen: 80}", "{listen: 53, type: datagram}")
                        .replace("    port: web\n", "    port: web\n        per-connection: true\n"),
                        "P006", "/containers/a/services/s/per-connection", 9),
                row("socket on stdin with two ports", CONTAINER.replace("{web: {listen: 80}}", "{web: {listen: 80}, tls: {listen: 443}}")
                        .replace("    port: web\n", "    port: [web, tls]\n        socket-on-stdin: true\n"),
                        "P006", "/containers/a/services/s/socket-on-stdin", 9),
                row("unknown port in a list", CONTAINER.replace("    port: web\n", "    port: [web, wbe]\n"),
                        "P004", "/containers/a/services/s/port/1", 8),
                row("same TCP port in two containers", """
                        berth: 1
                        containers:
                          a:
                            ports: {web: {listen: 80}}
                            services: {s: {port: web, exec: [/usr/bin/srv]}}
                          b:
                            ports: {web: {listen: "192.0.2.1:80"}}
                            services: {s: {port: web, exec: [/usr/bin/srv]}}
                        """, "P002", "/containers/b/ports/web/listen", 7),
                row("sandbox path with ..", CONTAINER + "        sandbox: {read-only-paths: [/srv/../etc]}\n",
                        "F001", "/containers/a/services/s/sandbox/read-only-paths/0", 10),
                row("environment value with a control character", CONTAINER + "        environment: {X: \"a\\u0007b\"}\n",
                        "V001", "/containers/a/services/s/environment/X", 10),
                row("environment file path with a space", CONTAINER + "        environment-files: [\"/etc/my file\"]\n",
                        "F001", "/containers/a/services/s/environment-files/0", 10),
                row("user name that is no user name", CONTAINER + "        user: \"root\\nGroup=0\"\n",
                        "S005", "/containers/a/services/s/user", 10),
                row("nspawn-unit form with its root elsewhere", CONTAINER.replace("    root: /srv/a\n", "    root: /srv/a\n    form: nspawn-unit\n"),
                        "F003", "/containers/a/root", 4),
                row("idle-stop with a datagram port", CONTAINER.replace("{listen: 80}", "{listen: 53, type: datagram}")
                        .replace("    root: /srv/a\n", "    root: /srv/a\n    idle-stop: 5min\n"),
                        "P007", "/containers/a/ports/web/type", 6),
                row("idle-stop without ports", """
                        berth: 1
                        containers:
                          a: {root: /srv/a, idle-stop: 5min}
                        """, "P007", "/containers/a/idle-stop", 3),
                row("guest sshd on the host's network", """
                        berth: 1
                        containers:
                          a:
                            ports: {ssh: {listen: 23}}
                            services: {sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i], runtime-directory: sshd}}
                        """, "C002", "/containers/a", 3),
                row("bind mount with a colon", CONTAINER.replace("    root: /srv/a\n", "    root: /srv/a\n    binds: [{from: \"/srv/a:b\"}]\n"),
                        "F001", "/containers/a/binds/0/from", 5),
                row("unknown key in a template", """
                        berth: 1
                        templates:
                          site: {rooot: /srv}
                        containers: {}
                        """, "S002", "/templates/site/rooot", 3));
    }

    private static Arguments row(String name, String yaml, String code, String path, int line) {
        return Arguments.of(name, yaml, code, path, line);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheRuleAtThePath(String name, String yaml, String code, String path, int line) {
        Result<Config> result = Berth.validate(new Source("berth.yaml", yaml));
        List<Diagnostic> matching = result.diagnostics().all().stream()
                .filter(d -> d.code().id().equals(code) && d.path().equals(path)).toList();
        assertEquals(1, matching.size(), () -> "expected one " + code + " at " + path + ", got:\n" + describe(result));
        Diagnostic d = matching.get(0);
        assertTrue(d.position().isPresent(), "no position");
        assertEquals(line, d.position().get().line(), () -> "line of " + code + ":\n" + describe(result));
        assertTrue(!d.hint().isEmpty(), "every diagnostic has a hint");
    }

    private static String describe(Result<Config> result) {
        StringBuilder s = new StringBuilder();
        result.diagnostics().all().forEach(d -> s.append(d.code()).append(' ').append(d.path()).append(' ')
                .append(d.position().map(Object::toString).orElse("-")).append(' ').append(d.summary()).append('\n'));
        return s.toString();
    }
}
