package dev.berth.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.Diagnostics;
import dev.berth.diag.Position;
import dev.berth.load.Source;
import dev.berth.testing.PositionCheck;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A newcomer's mistakes with commands, paths and ports: each gives exactly one diagnostic, with its code, at the
 * item's line:col, saying in words what is wrong, and a hint whose value is right: written in place of what the
 * user wrote, the config validates without any diagnostic.
 */
class MistakeHintsTest {
    /** A valid config: lines 1-10, the service's keys at the end. */
    private static final String BASE = """
            berth: 1
            containers:
              web:
                root: /srv/web
                ports:
                  http: {listen: 8080}
                services:
                  httpd:
                    port: http
                    exec: [/bin/busybox, httpd, -f]
            """;

    /**
     * @param replace   {@code BASE} with this text (first) ...
     * @param with      ... replaced by this
     * @param at        line:col of the diagnostic
     * @param words     what the summary must say
     * @param bad       what the user wrote, on the reported line
     * @param suggested the value the hint must suggest in its place
     */
    record Case(String label, String replace, String with, String code, String at, List<String> words, String bad,
                String suggested) {
        String yaml() {
            assertTrue(BASE.contains(replace), replace);
            return BASE.replace(replace, with);
        }

        @Override
        public String toString() {
            return code + " " + label;
        }
    }

    private static final String EXEC = "exec: [/bin/busybox, httpd, -f]";
    private static final String ROOT = "root: /srv/web";
    private static final String LISTEN = "{listen: 8080}";

    private static Case service(String label, String serviceLines, String code, String at, List<String> words, String bad,
                                String suggested) {
        return new Case(label, EXEC, EXEC + "\n" + serviceLines, code, at, words, bad, suggested);
    }

    private static Case container(String label, String containerLines, String code, String at, List<String> words, String bad,
                                  String suggested) {
        return new Case(label, ROOT, ROOT + "\n" + containerLines, code, at, words, bad, suggested);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // commands: one item per argument
                new Case("command line in one item", EXEC, "exec: [\"/bin/busybox httpd -i -h /var/www\"]", "V010", "10:16",
                        List.of("'/bin/busybox httpd -i -h /var/www'", "program and its arguments in one item"),
                        "[\"/bin/busybox httpd -i -h /var/www\"]", "[/bin/busybox, httpd, -i, -h, /var/www]"),
                new Case("command line as a string", EXEC, "exec: /bin/busybox httpd -i -h /var/www", "S001", "10:15",
                        List.of("expected array", "a string"),
                        "/bin/busybox httpd -i -h /var/www", "[/bin/busybox, httpd, -i, -h, /var/www]"),
                new Case("program with some arguments, then more items", EXEC, "exec: [\"/bin/busybox httpd\", -f, -p, \"8080\"]",
                        "V010", "10:16", List.of("'/bin/busybox httpd'"),
                        "[\"/bin/busybox httpd\", -f, -p, \"8080\"]", "[/bin/busybox, httpd, -f, -p, 8080]"),
                new Case("quoted argument inside the one item", EXEC, "exec: [\"/bin/busybox httpd -h '/srv/my www'\"]",
                        "V010", "10:16", List.of("in one item"),
                        "[\"/bin/busybox httpd -h '/srv/my www'\"]", "[/bin/busybox, httpd, -h, \"/srv/my www\"]"),
                new Case("pipe inside the one item", EXEC, "exec: [\"/bin/busybox httpd -f | /usr/bin/logger\"]", "V010", "10:16",
                        List.of("in one item"), "[\"/bin/busybox httpd -f | /usr/bin/logger\"]",
                        "[/bin/sh, -c, \"/bin/busybox httpd -f | /usr/bin/logger\"]"),
                new Case("redirection in a string", EXEC, "exec: /usr/bin/daemon > /var/log/daemon.log", "S001", "10:15",
                        List.of("expected array"), "/usr/bin/daemon > /var/log/daemon.log",
                        "[/bin/sh, -c, \"/usr/bin/daemon > /var/log/daemon.log\"]"),
                service("escape hatch command as a string", "        settings: {Service: {ExecStartPre: /bin/mkdir -p /run/web}}",
                        "H003", "11:44", List.of("ExecStartPre", "list"), "/bin/mkdir -p /run/web", "[/bin/mkdir, -p, /run/web]"),
                service("escape hatch command in one item", "        settings: {Service: {ExecStartPre: [\"/bin/mkdir -p /run/web\"]}}",
                        "V010", "11:45", List.of("'/bin/mkdir -p /run/web'"), "[\"/bin/mkdir -p /run/web\"]",
                        "[/bin/mkdir, -p, /run/web]"),
                // commands: shell operators reach the program as arguments
                new Case("a pipe", EXEC, "exec: [/bin/busybox, httpd, -f, \"|\", /usr/bin/logger]", "V011", "10:41",
                        List.of("no shell", "'|'", "pipe", "/bin/busybox"),
                        "[/bin/busybox, httpd, -f, \"|\", /usr/bin/logger]",
                        "[/bin/sh, -c, \"/bin/busybox httpd -f | /usr/bin/logger\"]"),
                new Case("a redirection", EXEC, "exec: [/usr/bin/daemon, \">\", /var/log/daemon.log]", "V011", "10:33",
                        List.of("no shell", "'>'", "redirection"), "[/usr/bin/daemon, \">\", /var/log/daemon.log]",
                        "[/bin/sh, -c, \"/usr/bin/daemon > /var/log/daemon.log\"]"),
                new Case("an appending redirection", EXEC, "exec: [/usr/bin/daemon, \">>\", /var/log/daemon.log]", "V011", "10:33",
                        List.of("'>>'", "redirection"), "[/usr/bin/daemon, \">>\", /var/log/daemon.log]",
                        "[/bin/sh, -c, \"/usr/bin/daemon >> /var/log/daemon.log\"]"),
                new Case("an input redirection", EXEC, "exec: [/usr/bin/daemon, \"<\", /etc/daemon.conf]", "V011", "10:33",
                        List.of("'<'", "redirection"), "[/usr/bin/daemon, \"<\", /etc/daemon.conf]",
                        "[/bin/sh, -c, \"/usr/bin/daemon < /etc/daemon.conf\"]"),
                new Case("errors to output", EXEC, "exec: [/usr/bin/daemon, --verbose, \"2>&1\"]", "V011", "10:44",
                        List.of("'2>&1'", "redirection"), "[/usr/bin/daemon, --verbose, \"2>&1\"]",
                        "[/bin/sh, -c, \"/usr/bin/daemon --verbose 2>&1\"]"),
                new Case("output to /dev/null in one word", EXEC, "exec: [/usr/bin/daemon, \">/dev/null\"]", "V011", "10:33",
                        List.of("'>/dev/null'"), "[/usr/bin/daemon, \">/dev/null\"]", "[/bin/sh, -c, \"/usr/bin/daemon >/dev/null\"]"),
                new Case("a background job", EXEC, "exec: [/usr/bin/daemon, \"&\"]", "V011", "10:33",
                        List.of("'&'", "background job"), "[/usr/bin/daemon, \"&\"]", "[/bin/sh, -c, \"/usr/bin/daemon &\"]"),
                service("'&&' in the escape hatch", "        settings: {Service: {ExecStartPre: [/bin/mkdir, /run/web, \"&&\", /bin/true]}}",
                        "V011", "11:67", List.of("'&&'", "list of commands", "/bin/mkdir"),
                        "[/bin/mkdir, /run/web, \"&&\", /bin/true]", "[/bin/sh, -c, \"/bin/mkdir /run/web && /bin/true\"]"),
                container("'||' in a drop-in", "    drop-ins: {httpd.service: {x.conf: {settings: {Service: "
                                + "{ExecStartPre: [/bin/mkdir, /run/web, \"||\", /bin/true]}}}}}", "V011", "5:99",
                        List.of("'||'", "list of commands"), "[/bin/mkdir, /run/web, \"||\", /bin/true]",
                        "[/bin/sh, -c, \"/bin/mkdir /run/web || /bin/true\"]"),
                new Case("';' in a host drop-in", "berth: 1\n", "berth: 1\nhost: {drop-ins: {backup.service: {x.conf: {settings: "
                        + "{Service: {ExecStartPost: [/usr/bin/sync, \";\", /usr/bin/logger, done]}}}}}}\n", "V011", "2:97",
                        List.of("';'", "list of commands", "/usr/bin/sync"), "[/usr/bin/sync, \";\", /usr/bin/logger, done]",
                        "[/bin/sh, -c, \"/usr/bin/sync ; /usr/bin/logger done\"]"),
                // paths: the path the user meant
                new Case("root from the current directory", ROOT, "root: ./srv/web", "F001", "4:11",
                        List.of("'./srv/web'", "not an absolute path"), "./srv/web", "/srv/web"),
                new Case("relative root", ROOT, "root: var/lib/machines/web", "F001", "4:11",
                        List.of("not an absolute path"), "var/lib/machines/web", "/var/lib/machines/web"),
                new Case("root with a trailing slash", ROOT, "root: /srv/web/", "F001", "4:11",
                        List.of("not an absolute, normalized path"), "/srv/web/", "/srv/web"),
                new Case("root with a space", ROOT, "root: \"/srv/my web\"", "F001", "4:11",
                        List.of("a space", "may not hold", "separates two paths"), "\"/srv/my web\"", "/srv/my-web"),
                new Case("root with a specifier", ROOT, "root: \"/srv/web%i\"", "F001", "4:11",
                        List.of("'%'", "specifier"), "\"/srv/web%i\"", "/srv/web-i"),
                container("relative bind source", "    binds: [{from: srv/data, to: /data}]", "F001", "5:20",
                        List.of("'srv/data'", "not an absolute path"), "srv/data", "/srv/data"),
                container("bind source with a colon", "    binds: [{from: \"/srv/data:ro\", to: /data}]", "F001", "5:20",
                        List.of("':'", "bind mount"), "\"/srv/data:ro\"", "/srv/data-ro"),
                service("relative working directory", "        working-directory: var/www", "F001", "11:28",
                        List.of("'var/www'", "an absolute path"), "var/www", "/var/www"),
                service("working directory with a tab", "        working-directory: \"/srv/my\\twww\"", "F001", "11:28",
                        List.of("a tab", "may not hold"), "\"/srv/my\\twww\"", "/srv/my-www"),
                service("sandbox path with a space", "        sandbox: {read-write-paths: [\"/var/lib/my data\"]}", "F001", "11:38",
                        List.of("a space"), "\"/var/lib/my data\"", "/var/lib/my-data"),
                service("sandbox path with ..", "        sandbox: {read-only-paths: [/srv/www/../etc]}", "F001", "11:37",
                        List.of("normalized"), "/srv/www/../etc", "/srv/etc"),
                service("environment file with a space", "        environment-files: [\"/etc/default/my web\"]", "F001", "11:29",
                        List.of("a space"), "\"/etc/default/my web\"", "/etc/default/my-web"),
                new Case("relative root parent", "berth: 1\n", "berth: 1\ntemplates: {site: {root-parent: srv/sites}}\n", "F001",
                        "2:33", List.of("'srv/sites'"), "srv/sites", "/srv/sites"),
                // ports: the host's own sshd
                new Case("port 22 on the host's network", LISTEN, "{listen: 22}", "P008", "6:22",
                        List.of("port 22", "host's own sshd", "shares the host's network"), "22", "2222"),
                new Case("port 22 on every IPv4 address", LISTEN, "{listen: \"0.0.0.0:22\"}", "P008", "6:22",
                        List.of("port 22"), "0.0.0.0:22", "0.0.0.0:2222"),
                new Case("port 22 on an IPv6 address", LISTEN, "{listen: \"[::]:22\"}", "P008", "6:22",
                        List.of("port 22"), "[::]:22", "[::]:2222"),
                new Case("port 22 with 2222 taken", "      http: {listen: 8080}\n    services:\n      httpd:\n        port: http",
                        "      http: {listen: 22}\n      admin: {listen: 2222}\n    services:\n      httpd:\n        port: [http, admin]",
                        "P008", "6:22", List.of("port 22"), "22", "2223"),
                // ports: probes
                new Case("probe of an http path without its slash", LISTEN, "{listen: 8080, probe: {http: health}}", "P009",
                        "6:42", List.of("'health'", "starts with /"), "health", "/health"),
                new Case("probe of an http path with a space", LISTEN, "{listen: 8080, probe: {http: \"/my page\"}}", "P009",
                        "6:42", List.of("no spaces"), "\"/my page\"", "/mypage"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneDiagnosticWhoseHintValidates(Case c) {
        Source source = new Source("berth.yaml", c.yaml());
        Diagnostics diagnostics = Berth.validate(source).diagnostics();
        assertEquals(1, diagnostics.all().size(), () -> "one diagnostic:\n" + shown(diagnostics) + "\n" + source.text());
        Diagnostic d = diagnostics.all().get(0);
        Position p = d.position().orElseThrow();
        assertEquals(c.code() + " at " + c.at(), d.code().id() + " at " + p.line() + ":" + p.column(), d.path());
        for (String word : c.words()) {
            assertTrue(d.summary().contains(word), () -> "'" + word + "' in: " + d.summary());
        }
        assertTrue(d.hint().contains(c.suggested()), () -> "'" + c.suggested() + "' in: " + d.hint());
        PositionCheck.assertAll(source, diagnostics);

        String line = source.line(p.line());
        assertTrue(line.contains(c.bad()), () -> "'" + c.bad() + "' on line " + p.line() + ": " + line);
        List<String> lines = new java.util.ArrayList<>(source.text().lines().toList());
        lines.set(p.line() - 1, line.replace(c.bad(), c.suggested()));
        Source fixed = new Source("berth.yaml", String.join("\n", lines) + "\n");
        Diagnostics after = Berth.validate(fixed).diagnostics();
        assertTrue(after.isEmpty(), () -> "the hint's value validates:\n" + shown(after) + "\n" + fixed.text());
    }

    /** Kin of the mistakes above that are right as written: no diagnostic at all. */
    static Stream<Case> rightAsWritten() {
        return Stream.of(
                new Case("the book's port 23", LISTEN, "{listen: 23}", "", "", List.of(), "", ""),
                new Case("port 22 on a private network", ROOT + "\n    ports:\n      http: " + LISTEN,
                        ROOT + "\n    network: private\n    ports:\n      http: {listen: 22}", "", "", List.of(), "", ""),
                new Case("port 22 for datagrams", LISTEN, "{listen: 22, type: datagram}", "", "", List.of(), "", ""),
                new Case("port 22 of a unix socket path", LISTEN, "{listen: /run/web/22}", "", "", List.of(), "", ""),
                new Case("an argument with spaces", EXEC, "exec: [/bin/busybox, httpd, -f, -r, \"my realm\"]", "", "", List.of(), "", ""),
                new Case("a shell line run by a shell", EXEC, "exec: [/bin/sh, -c, \"/bin/busybox httpd -f 2>&1 | /usr/bin/logger\"]",
                        "", "", List.of(), "", ""),
                new Case("find's own ';'", EXEC, "exec: [/usr/bin/find, /tmp, -name, \"*.tmp\", -exec, /bin/rm, \"{}\", \";\"]",
                        "", "", List.of(), "", ""),
                new Case("an argument that only starts like a redirection", EXEC, "exec: [/usr/bin/daemon, \"<html>\", \"->\"]",
                        "", "", List.of(), "", ""),
                new Case("a plain root path", ROOT, "root: /var/lib/machines/web_1+2", "", "", List.of(), "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rightAsWritten")
    void noDiagnostic(Case c) {
        Diagnostics diagnostics = Berth.validate(new Source("berth.yaml", c.yaml())).diagnostics();
        assertTrue(diagnostics.isEmpty(), () -> shown(diagnostics) + "\n" + c.yaml());
    }

    private static String shown(Diagnostics diagnostics) {
        return diagnostics.all().stream().map(d -> d.code() + " at " + d.path() + d.position().map(p -> " " + p.line() + ":"
                + p.column()).orElse("") + ": " + d.summary() + " | " + d.hint()).collect(Collectors.joining("\n"));
    }
}
