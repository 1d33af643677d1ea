package dev.berth.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.load.Source;
import dev.berth.load.SourceReader;
import dev.berth.testing.PositionCheck;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per way of reaching a code from a config: the input, the code expected, and the config path
 * it must be reported at. Every row also passes {@link PositionCheck}: the path exists in the input and
 * line:col points at its key or value. Rows assert codes and paths, never wording.
 */
public class DiagnosticCodesTest {
    /** Codes the config language cannot reach yet; each has API-level tests where its rule lives. */
    public static final Set<Code> API_ONLY = EnumSet.of(
            Code.C002,  // deprecated directives and values: Directives.check, for the escape hatch (DirectivesTest)
            Code.C003,  // settings newer than the target systemd: Directives.check (DirectivesTest)
            // plan and apply: findings about the target root, not the config (plan/ and apply/ tests)
            Code.A001, Code.A002, Code.A003, Code.A004, Code.A005, Code.A006, Code.A007, Code.A008, Code.A009,
            Code.A010, Code.A011, Code.A012, Code.A013, Code.A014, Code.A015, Code.A016, Code.A017,
            // imports: findings that need more than one file (ImportsTest)
            Code.R002, Code.R003, Code.R004, Code.R005);

    public record Case(String label, Code code, String path, String yaml, byte[] bytes) {
        static Case of(String label, Code code, String path, String yaml) {
            return new Case(label, code, path, yaml, null);
        }

        Source source() {
            return new Source("berth.yaml", yaml);
        }

        Diagnostics run() {
            if (bytes != null) {
                Diagnostics d = new Diagnostics();
                SourceReader.decode(bytes, "berth.yaml", d).ifPresent(s -> d.addAll(Berth.validate(s).diagnostics()));
                return d;
            }
            return Berth.validate(source()).diagnostics();
        }

        @Override
        public String toString() {
            return code + " " + label;
        }
    }

    private static final String HEAD = "berth: 1\ncontainers:\n";

    /** A valid container "a" with a port claimed by a native service, for the language rows. */
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

    /** A valid container "web" with an ssh port claimed by a per-connection sshd, plus extra lines. */
    private static String web(String extra) {
        return HEAD + "  web:\n    root: /srv/web\n" + extra;
    }

    private static String sshd(String serviceExtra) {
        return web("    ports:\n      ssh: {listen: 23}\n    services:\n      sshd:\n        port: ssh\n"
                + "        per-connection: true\n        runtime-directory: sshd\n        exec: [/usr/sbin/sshd, -i]\n" + serviceExtra);
    }

    public static Stream<Case> cases() {
        StringBuilder aliases = new StringBuilder(HEAD + "  web: {root: /srv/web}\nx: &a [1, 2]\n");
        for (int i = 0; i < 120; i++) {
            aliases.append("y").append(i).append(": *a\n");
        }
        String deep = HEAD + "  web: {root: /srv/web}\nx: " + "[".repeat(80) + "]".repeat(80) + "\n";
        return Stream.of(
                // YAML text
                Case.of("bad indentation", Code.Y001, "", web("   ports: {}\n")),
                Case.of("unclosed flow mapping", Code.Y001, "", HEAD + "  web: {root: /srv/web\n"),
                Case.of("duplicate container", Code.Y002, "/containers/web", HEAD + "  web: {root: /srv/a}\n  web: {root: /srv/b}\n"),
                Case.of("duplicate nested key", Code.Y002, "/containers/web/root", web("    root: /srv/other\n")),
                Case.of("too many aliases", Code.Y003, "", aliases.toString()),
                Case.of("nested too deeply", Code.Y003, "/x" + "/0".repeat(64), deep),
                Case.of("two documents", Code.Y004, "", "berth: 1\ncontainers: {}\n---\nberth: 1\n"),
                Case.of("complex key", Code.Y005, "/containers", HEAD + "  ? [a, b]\n  : {root: /srv/x}\n"),
                Case.of("custom tag on a mapping", Code.Y005, "/containers/web", HEAD + "  web: !custom {root: /srv/web}\n"),
                Case.of("binary scalar", Code.Y005, "/containers/web/description", web("    description: !!binary aGVsbG8=\n")),
                new Case("invalid UTF-8", Code.Y006, "", null,
                        concat(web("    description: caf").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xe9, '\n'})),
                // schema
                Case.of("list for a port", Code.S001, "/containers/web/ports/ssh/listen", web("    ports:\n      ssh: {listen: [23]}\n")),
                Case.of("containers as a list", Code.S001, "/containers", "berth: 1\ncontainers: []\n"),
                Case.of("misspelt key", Code.S002, "/containers/web/rooot", web("    rooot: /srv/typo\n")),
                Case.of("unknown top-level key", Code.S002, "/hosts", web("hosts: []\n")),
                Case.of("service without a command", Code.S003, "/containers/web/services/s", web("    services:\n      s: {port: x}\n")),
                Case.of("empty file", Code.S003, "", "# nothing here\n"),
                Case.of("kill-mode not in the enum", Code.S004, "/containers/web/kill-mode", web("    kill-mode: gently\n")),
                Case.of("format version 2", Code.S004, "/berth", "berth: 2\ncontainers: {}\n"),
                Case.of("runtime directory with a space", Code.S005, "/containers/web/services/sshd/runtime-directory",
                        sshd("        description: x\n").replace("runtime-directory: sshd", "runtime-directory: 'ssh d'")),
                Case.of("empty command", Code.S005, "/containers/web/services/s/exec", web("    services:\n      s: {exec: []}\n")),
                // names
                Case.of("underscore in a machine name", Code.N001, "/containers/my_container", HEAD + "  my_container: {root: /srv/c}\n"),
                Case.of("machine name over 64 characters", Code.N001, "/containers/" + "a".repeat(65),
                        HEAD + "  " + "a".repeat(65) + ": {root: /srv/c}\n"),
                Case.of("space in a service name", Code.N002, "/containers/web/services/ssh daemon",
                        web("    services:\n      ssh daemon: {exec: [/usr/sbin/sshd]}\n")),
                Case.of("service name too long for a unit", Code.N002, "/containers/web/services/" + "s".repeat(250),
                        web("    services:\n      " + "s".repeat(250) + ": {exec: [/usr/bin/x]}\n")),
                Case.of("two containers, one root", Code.N003, "/containers/b/root", HEAD + "  a: {root: /srv/x}\n  b: {root: /srv/x}\n"),
                Case.of("root inside another root", Code.N003, "/containers/b/root", HEAD + "  a: {root: /srv/a}\n  b: {root: /srv/a/b}\n"),
                // ports
                Case.of("host name instead of an address", Code.P001, "/containers/web/ports/ssh/listen",
                        sshd("").replace("listen: 23", "listen: 'localhost:80'")),
                Case.of("port out of range", Code.P001, "/containers/web/ports/ssh/listen", sshd("").replace("listen: 23", "listen: 70000")),
                Case.of("leading zero", Code.P001, "/containers/web/ports/ssh/listen", sshd("").replace("listen: 23", "listen: '08080'")),
                Case.of("interface inside the brackets", Code.P001, "/containers/web/ports/ssh/listen",
                        sshd("").replace("listen: 23", "listen: '[fe80::1%eth0]:22'")),
                Case.of("socket path with ..", Code.P001, "/containers/web/ports/ssh/listen",
                        sshd("").replace("listen: 23", "listen: /run/../x.sock")),
                Case.of("same port in two containers", Code.P002, "/containers/b/ports/p/listen",
                        HEAD + "  a:\n    root: /srv/a\n    ports: {p: {listen: 23}}\n    services: {s: {port: p, exec: [/bin/s]}}\n"
                                + "  b:\n    root: /srv/b\n    ports: {p: {listen: '0.0.0.0:23'}}\n    services: {s: {port: p, exec: [/bin/s]}}\n"),
                Case.of("port nobody claims", Code.P003, "/containers/web/ports/http",
                        sshd("").replace("      ssh: {listen: 23}\n", "      ssh: {listen: 23}\n      http: {listen: 80}\n")),
                Case.of("service claims an unknown port", Code.P004, "/containers/web/services/sshd/port",
                        sshd("").replace("port: ssh", "port: shh")),
                Case.of("port claimed twice", Code.P005, "/containers/web/services/sshd2/port",
                        sshd("      sshd2: {port: ssh, exec: [/usr/sbin/sshd]}\n")),
                Case.of("sshd without -i", Code.P006, "/containers/web/services/sshd/exec", sshd("").replace("[/usr/sbin/sshd, -i]", "[/usr/sbin/sshd, -D]")),
                Case.of("per-connection without a port", Code.P006, "/containers/web/services/s/per-connection",
                        web("    services:\n      s: {per-connection: true, exec: [/bin/s]}\n")),
                Case.of("the host's sshd port on the host's network", Code.P008, "/containers/a/ports/web/listen",
                        CONTAINER.replace("{listen: 80}", "{listen: 22}")),
                Case.of("a probe that checks nothing", Code.P009, "/containers/web/ports/ssh/probe",
                        sshd("").replace("listen: 23}", "listen: 23, probe: {timeout: 60s}}")),
                Case.of("a probe with a banner and an http path", Code.P009, "/containers/web/ports/ssh/probe/http",
                        sshd("").replace("listen: 23}", "listen: 23, probe: {banner: SSH-2.0-, http: /}}")),
                Case.of("a probe status without http", Code.P009, "/containers/web/ports/ssh/probe/status",
                        sshd("").replace("listen: 23}", "listen: 23, probe: {banner: SSH-2.0-, status: 200}}")),
                Case.of("a probe banner of two lines", Code.P009, "/containers/web/ports/ssh/probe/banner",
                        sshd("").replace("listen: 23}", "listen: 23, probe: {banner: \"SSH-2.0-\\nx\"}}")),
                Case.of("nginx per connection", Code.P006, "/containers/web/services/sshd/per-connection",
                        sshd("").replace("[/usr/sbin/sshd, -i]", "[/usr/sbin/nginx]")),
                // paths
                Case.of("root with ..", Code.F001, "/containers/web/root", HEAD + "  web: {root: /srv/../web}\n"),
                Case.of("relative root", Code.F001, "/containers/web/root", HEAD + "  web: {root: srv/web}\n"),
                Case.of("root with a trailing slash", Code.F001, "/containers/web/root", HEAD + "  web: {root: /srv/web/}\n"),
                Case.of("root is /etc", Code.F002, "/containers/web/root", HEAD + "  web: {root: /etc}\n"),
                // values
                Case.of("newline in a description", Code.V001, "/containers/web/description", web("    description: \"web\\nUser=root\"\n")),
                Case.of("escape sequence in a port description", Code.V001, "/containers/web/ports/ssh/description",
                        sshd("").replace("listen: 23}", "listen: 23, description: \"\\e[31mred\"}")),
                Case.of("NUL in an argument", Code.V001, "/containers/web/services/sshd/exec/1", sshd("").replace("-i]", "\"-i\\0\"]")),
                Case.of("trailing backslash", Code.V002, "/containers/web/description", web("    description: 'web \\'\n")),
                Case.of("leading space", Code.V003, "/containers/web/description", web("    description: ' web'\n")),
                Case.of("trailing tab in a socket description", Code.V003, "/containers/web/services/sshd/socket/description",
                        sshd("        socket: {description: \"ssh\\t\"}\n")),
                Case.of("empty description", Code.V004, "/containers/web/description", web("    description: ''\n")),
                Case.of("empty port name", Code.V004, "/containers/web/services/sshd/port", sshd("").replace("port: ssh", "port: ''")),
                Case.of("5000 characters", Code.V005, "/containers/web/description", web("    description: " + "x".repeat(5000) + "\n")),
                Case.of("2000 characters, 6000 bytes", Code.V005, "/containers/web/description", web("    description: " + "€".repeat(2000) + "\n")),
                Case.of("quote in a program path", Code.V006, "/containers/web/services/s/exec/0",
                        web("    services:\n      s: {exec: [\"/usr/bin/o'brien\"]}\n")),
                Case.of("$ in a program path", Code.V006, "/containers/web/services/s/exec/0",
                        web("    services:\n      s: {exec: [/opt/$HOME/bin]}\n")),
                Case.of("prefix on the program", Code.V007, "/containers/web/services/s/exec/0",
                        web("    services:\n      s: {exec: [\"-/usr/sbin/sshd\", -i]}\n")),
                Case.of("relative program", Code.V007, "/containers/web/services/s/exec/0", web("    services:\n      s: {exec: [sshd]}\n")),
                Case.of("program and arguments in one item", Code.V010, "/containers/web/services/s/exec/0",
                        web("    services:\n      s: {exec: [\"/bin/busybox httpd -i\"]}\n")),
                Case.of("a pipe as an argument", Code.V011, "/containers/web/services/s/exec/2",
                        web("    services:\n      s: {exec: [/bin/cat, /x, \"|\", /bin/grep, y]}\n")),
                Case.of("lone surrogate", Code.V008, "/containers/web/description", web("    description: \"a\\uD800b\"\n")),
                Case.of("lone surrogate in an argument", Code.V008, "/containers/web/boot/args/0", web("    boot: {args: [\"\\uDC00\"]}\n")),
                // compat
                Case.of("sshd without /run/sshd", Code.C001, "/containers/web/services/sshd",
                        sshd("").replace("        runtime-directory: sshd\n", "")),
                // the configuration language: templates, drop-ins, limits, escape hatch, runtime
                Case.of("unknown template", Code.R001, "/containers/a/template",
                        """
                        berth: 1
                        templates: {site: {root-parent: /srv}}
                        containers:
                          a: {template: stie}
                        """),
                Case.of("template root shared by two containers", Code.N003, "/templates/site/root",
                        """
                        berth: 1
                        templates:
                          site:
                            root: /srv/same
                        containers:
                          a: {template: site}
                          b: {template: site}
                        """),
                Case.of("template port no service claims", Code.P003, "/templates/site/ports/web",
                        """
                        berth: 1
                        templates:
                          site:
                            ports: {web: {listen: 80}}
                        containers:
                          a: {template: site}
                        """),
                Case.of("drop-in file name without .conf", Code.N004, "/host/drop-ins/httpd.service/limits",
                        """
                        berth: 1
                        containers: {}
                        host:
                          drop-ins:
                            httpd.service:
                              limits: {limits: {cpu-weight: 10}}
                        """),
                Case.of("drop-in for a name that is no unit", Code.N002, "/host/drop-ins/httpd",
                        """
                        berth: 1
                        containers: {}
                        host:
                          drop-ins:
                            httpd:
                              x.conf: {restart: always}
                        """),
                Case.of("limits on a target", Code.L001, "/host/drop-ins/multi-user.target/x.conf/limits",
                        """
                        berth: 1
                        containers: {}
                        host:
                          drop-ins:
                            multi-user.target:
                              x.conf: {limits: {cpu-weight: 10}}
                        """),
                Case.of("the book's CPUShares", Code.D001, "/containers/a/limits/cpu-shares",
                        CONTAINER.replace("    root: /srv/a\n", "    root: /srv/a\n    limits: {cpu-shares: 1500}\n")),
                Case.of("both cpu-shares and cpu-weight", Code.D002, "/containers/a/limits/cpu-shares",
                        CONTAINER.replace("    root: /srv/a\n",
                        "    root: /srv/a\n    limits: {cpu-shares: 1500, cpu-weight: 100}\n")),
                Case.of("escape hatch sets a modelled directive", Code.H001, "/containers/a/services/s/settings/Service/ExecStart",
                        CONTAINER + "        settings: {Service: {ExecStart: [/bin/true]}}\n"),
                Case.of("escape hatch section of another unit type", Code.H002, "/containers/a/services/s/settings/Socket",
                        CONTAINER + "        settings: {Socket: {Backlog: 5}}\n"),
                Case.of("escape hatch command as a string", Code.H003, "/containers/a/services/s/settings/Service/ExecStartPre",
                        CONTAINER + "        settings: {Service: {ExecStartPre: /bin/mkdir -p /run/x}}\n"),
                Case.of("escape hatch value with a newline", Code.V001, "/containers/a/services/s/settings/Service/Nice",
                        CONTAINER + "        settings: {Service: {Nice: \"5\\nUser=root\"}}\n"),
                Case.of("escape hatch unknown section name", Code.H002, "/containers/a/services/s/settings/Servce",
                        CONTAINER + "        settings: {Servce: {Nice: 5}}\n"),
                Case.of("escape hatch directive in lower case", Code.C004, "/containers/a/services/s/settings/Service/nice",
                        CONTAINER + "        settings: {Service: {nice: 5}}\n"),
                Case.of("environment name with a dash", Code.V009, "/containers/a/services/s/environment/MY-VAR",
                        CONTAINER + "        environment: {MY-VAR: x}\n"),
                Case.of("per-connection on a datagram port", Code.P006, "/containers/a/services/s/per-connection",
                        CONTAINER.replace("{listen: 80}", "{listen: 53, type: datagram}")
                        .replace("    port: web\n", "    port: web\n        per-connection: true\n")),
                Case.of("socket on stdin with two ports", Code.P006, "/containers/a/services/s/socket-on-stdin",
                        CONTAINER.replace("{web: {listen: 80}}", "{web: {listen: 80}, tls: {listen: 443}}")
                        .replace("    port: web\n", "    port: [web, tls]\n        socket-on-stdin: true\n")),
                Case.of("unknown port in a list", Code.P004, "/containers/a/services/s/port/1",
                        CONTAINER.replace("    port: web\n", "    port: [web, wbe]\n")),
                Case.of("same TCP port in two containers", Code.P002, "/containers/b/ports/web/listen",
                        """
                        berth: 1
                        containers:
                          a:
                            ports: {web: {listen: 80}}
                            services: {s: {port: web, exec: [/usr/bin/srv]}}
                          b:
                            ports: {web: {listen: "192.0.2.1:80"}}
                            services: {s: {port: web, exec: [/usr/bin/srv]}}
                        """),
                Case.of("sandbox path with ..", Code.F001, "/containers/a/services/s/sandbox/read-only-paths/0",
                        CONTAINER + "        sandbox: {read-only-paths: [/srv/../etc]}\n"),
                Case.of("environment value with a control character", Code.V001, "/containers/a/services/s/environment/X",
                        CONTAINER + "        environment: {X: \"a\\0b\"}\n"),
                Case.of("environment file path with a space", Code.F001, "/containers/a/services/s/environment-files/0",
                        CONTAINER + "        environment-files: [\"/etc/my file\"]\n"),
                Case.of("user name that is no user name", Code.S005, "/containers/a/services/s/user",
                        CONTAINER + "        user: \"root\\nGroup=0\"\n"),
                Case.of("nspawn-unit form with its root elsewhere", Code.F003, "/containers/a/root",
                        CONTAINER.replace("    root: /srv/a\n", "    root: /srv/a\n    form: nspawn-unit\n")),
                Case.of("idle-stop with a datagram port", Code.P007, "/containers/a/ports/web/type",
                        CONTAINER.replace("{listen: 80}", "{listen: 53, type: datagram}")
                        .replace("    root: /srv/a\n", "    root: /srv/a\n    idle-stop: 5min\n")),
                Case.of("idle-stop without ports", Code.P007, "/containers/a/idle-stop",
                        """
                        berth: 1
                        containers:
                          a: {root: /srv/a, idle-stop: 5min}
                        """),
                Case.of("guest sshd on the host's network", Code.C005, "/containers/a",
                        """
                        berth: 1
                        containers:
                          a:
                            ports: {ssh: {listen: 23}}
                            services: {sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i], runtime-directory: sshd}}
                        """),
                Case.of("bind mount with a colon", Code.F001, "/containers/a/binds/0/from",
                        CONTAINER.replace("    root: /srv/a\n", "    root: /srv/a\n    binds: [{from: \"/srv/a:b\"}]\n")),
                Case.of("unknown key in a template", Code.S002, "/templates/site/rooot",
                        """
                        berth: 1
                        templates:
                          site: {rooot: /srv}
                        containers: {}
                        """));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheCodeAtThePath(Case c) {
        Diagnostics diagnostics = c.run();
        String found = diagnostics.all().stream().map(d -> d.code() + " at '" + d.path() + "'").collect(Collectors.joining(", "));
        assertTrue(diagnostics.all().stream().anyMatch(d -> d.code() == c.code() && d.path().equals(c.path())),
                "expected " + c.code() + " at '" + c.path() + "', found: " + found);
        for (Diagnostic d : diagnostics.all()) {
            assertEquals(d.code().severity(), d.severity(), d.code() + " is reported with the catalogue's severity");
        }
        if (c.yaml() != null) {
            PositionCheck.assertAll(c.source(), diagnostics);
        } else {
            diagnostics.all().forEach(d -> assertTrue(d.position().isPresent(), d.code() + " has a position"));
        }
    }

    @Test
    void everyCodeIsReachedByARowOrListedAsApiOnly() {
        Set<Code> covered = cases().map(Case::code).collect(Collectors.toCollection(() -> EnumSet.noneOf(Code.class)));
        for (Code code : Code.values()) {
            assertTrue(covered.contains(code) ^ API_ONLY.contains(code),
                    code + " must be either reached by a row of this table or listed in API_ONLY (not both)");
        }
    }

    @Test
    void theExampleHasNoDiagnostics() throws Exception {
        Source source = new Source("book.yaml", java.nio.file.Files.readString(java.nio.file.Path.of("examples/book-ssh-container.yaml")));
        assertEquals(List.of(), Berth.validate(source).diagnostics().all());
    }
}
