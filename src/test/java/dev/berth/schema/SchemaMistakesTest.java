package dev.berth.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.Position;
import dev.berth.load.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Realistic mistakes in every key the schema checks by a pattern or that takes several shapes (the list of such
 * keys is read from the schema; a key without a row fails {@link #everyCheckedKeyHasARow}). Each mistake gives
 * exactly one diagnostic, at the line and column of the mistake, in words, and its hint holds a value that makes
 * the config valid when written in place of the mistake.
 */
class SchemaMistakesTest {
    /** A valid config; the rows add one mistake to it. */
    private static final String BASE = """
            berth: 1
            containers:
              web:
                root: /srv/web
                ports:
                  http: {listen: 80}
                services:
                  s:
                    port: http
                    exec: [/usr/bin/srv]
            """;
    private static final String CONTAINER = "/containers/web/";
    private static final String SERVICE = "/containers/web/services/s/";
    private static final String CONTAINER_DROP_IN = "/containers/web/drop-ins/x.service/a.conf/";
    private static final String HOST_DROP_IN = "/host/drop-ins/httpd.service/a.conf/";

    /**
     * @param bad    the text of the mistake in the YAML, where the diagnostic must point (once in the text, as a word)
     * @param atName the mistake is the name of an entry (a misspelt key, a variable name): the hint renames it
     */
    record Case(String label, String yaml, Code code, String path, String bad, boolean atName) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static Case container(String label, String line, Code code, String key, String bad) {
        return new Case(label, BASE.replace("    root: /srv/web\n", "    root: /srv/web\n    " + line + "\n"), code, CONTAINER + key, bad, false);
    }

    private static Case service(String label, String line, Code code, String key, String bad) {
        return new Case(label, BASE + "        " + line + "\n", code, SERVICE + key, bad, false);
    }

    private static Case replaced(String label, String from, String to, Code code, String path, String bad) {
        return new Case(label, BASE.replace(from, to), code, path, bad, false);
    }

    private static Case named(Case c) {
        return new Case(c.label, c.yaml, c.code, c.path, c.bad, true);
    }

    /** The same mistake in each place a definition is used: container, service, a drop-in of each kind. */
    private static Stream<Case> everywhere(String label, String key, String value, Code code, String pathBelowKey, String bad,
                                           boolean atName, boolean inService, boolean inDropIns) {
        List<Case> cases = new ArrayList<>();
        String entry = key + ": " + value;
        cases.add(new Case(label + " (container)", BASE.replace("    root: /srv/web\n", "    root: /srv/web\n    " + entry + "\n"),
                code, CONTAINER + key + pathBelowKey, bad, atName));
        if (inService) {
            cases.add(new Case(label + " (service)", BASE + "        " + entry + "\n", code, SERVICE + key + pathBelowKey, bad, atName));
        }
        if (inDropIns) {
            cases.add(new Case(label + " (guest drop-in)", BASE.replace("    root: /srv/web\n",
                    "    root: /srv/web\n    drop-ins: {x.service: {a.conf: {" + entry + "}}}\n"),
                    code, CONTAINER_DROP_IN + key + pathBelowKey, bad, atName));
            cases.add(new Case(label + " (host drop-in)", BASE + "host: {drop-ins: {httpd.service: {a.conf: {" + entry + "}}}}\n",
                    code, HOST_DROP_IN + key + pathBelowKey, bad, atName));
        }
        return cases.stream();
    }

    static Stream<Case> cases() {
        return Stream.of(
                // durations
                Stream.of(
                        container("idle-stop in words systemd does not take", "idle-stop: 30 secs", Code.S005, "idle-stop", "30 secs"),
                        replaced("probe timeout in words", "http: {listen: 80}", "http: {listen: 80, probe: {connect: true, timeout: 1 minuet}}",
                                Code.S005, CONTAINER + "ports/http/probe/timeout", "1 minuet"),
                        container("idle-stop of zero", "idle-stop: 0s", Code.S005, "idle-stop", "0s"),
                        container("idle-stop as a bare number", "idle-stop: 30", Code.S001, "idle-stop", "30"),
                        container("idle-stop with a misspelt unit", "idle-stop: 5 minuts", Code.S005, "idle-stop", "5 minuts"),
                        // infinity means no timeout: a timeout takes it, a span berth waits or counts over does not
                        container("idle-stop of infinity", "idle-stop: infinity", Code.S005, "idle-stop", "infinity"),
                        replaced("probe timeout of infinity", "http: {listen: 80}", "http: {listen: 80, probe: {connect: true, timeout: infinity}}",
                                Code.S005, CONTAINER + "ports/http/probe/timeout", "infinity"),
                        container("start-limit interval of infinity", "start-limit: {interval: infinity, burst: 10}",
                                Code.S005, "start-limit/interval", "infinity"),
                        container("timeout-start as YAML's infinite number", "timeout-start: .inf", Code.S005, "timeout-start", ".inf"),
                        container("start-limit interval with an unknown unit", "start-limit: {interval: 1 minit, burst: 10}",
                                Code.S005, "start-limit/interval", "1 minit"),
                        container("trigger-limit interval in words", "socket: {trigger-limit: {interval: 2 secs, burst: 5}}",
                                Code.S005, "socket/trigger-limit/interval", "2 secs"),
                        // other formats of the container
                        container("socket mode written like ls", "socket: {socket-mode: rw-rw----}", Code.S005, "socket/socket-mode", "rw-rw----"),
                        container("mask without a suffix", "mask: [ssh]", Code.S005, "mask/0", "ssh"),
                        container("mask with a capitalized suffix", "mask: [nginx.Service]", Code.S005, "mask/0", "nginx.Service"),
                        container("capability without CAP_", "drop-capabilities: [net_admin]", Code.S005, "drop-capabilities/0", "net_admin"),
                        container("package name in capitals", "guest: {os: debian, packages: [OpenSSH_Server]}", Code.S005,
                                "guest/packages/0", "OpenSSH_Server"),
                        replaced("relative root", "root: /srv/web", "root: srv/web", Code.F001, CONTAINER + "root", "srv/web"),
                        replaced("root below the current directory", "root: /srv/web", "root: ./srv/web", Code.F001, CONTAINER + "root", "./srv/web"),
                        container("relative root-parent", "root-parent: var/lib/machines", Code.F001, "root-parent", "var/lib/machines"),
                        container("relative bind source", "binds: [{from: data/site1, to: /var/www}]", Code.F001, "binds/0/from", "data/site1"),
                        container("relative bind target", "binds: [{from: /srv/data, to: var/www}]", Code.F001, "binds/0/to", "var/www"),
                        // the service's own
                        replaced("a port number for the port's name", "port: http", "port: 8080", Code.S001, SERVICE + "port", "8080"),
                        replaced("a mapping for the port", "port: http", "port: {name: http}", Code.S001, SERVICE + "port", "port"),
                        replaced("a port number in a list", "port: http", "port: [8080]", Code.S001, SERVICE + "port/0", "8080"),
                        service("numeric user id in quotes", "user: '1000'", Code.S005, "user", "'1000'"),
                        service("user name with a space", "user: www data", Code.S005, "user", "www data"),
                        service("group name with a dot", "group: www.data", Code.S005, "group", "www.data"),
                        service("relative working directory", "working-directory: srv/www", Code.F001, "working-directory", "srv/www"),
                        service("runtime directory under /run", "runtime-directory: /run/sshd", Code.S005, "runtime-directory", "/run/sshd"),
                        service("runtime directory with a space", "runtime-directory: 'ssh d'", Code.S005, "runtime-directory", "'ssh d'"),
                        service("sandbox value misspelt", "sandbox: {protect-system: strickt}", Code.S004,
                                "sandbox/protect-system", "strickt"),
                        service("sandbox as yes", "sandbox: 'yes'", Code.S001, "sandbox", "'yes'")),
                // sandbox, in a container and in a service
                everywhere("restart-sec in words", "restart-sec", "5 secs", Code.S005, "", "5 secs", false, true, true),
                everywhere("timeout-start with a misspelt unit", "timeout-start", "3 minuts", Code.S005, "", "3 minuts", false, true, false),
                everywhere("timeout-stop with a misspelt unit", "timeout-stop", "2 mins", Code.S005, "", "2 mins", false, true, false),
                everywhere("timeout-start for ever", "timeout-start", "forever", Code.S005, "", "forever", false, true, false),
                everywhere("timeout-stop infinite", "timeout-stop", "infinite", Code.S005, "", "infinite", false, true, false),
                everywhere("restart-sec of infinity", "restart-sec", "infinity", Code.S005, "", "infinity", false, true, true),
                everywhere("open files unlimited", "limits", "{open-files: unlimited}", Code.S005, "/open-files", "unlimited", false,
                        true, true),
                everywhere("swap in megabytes", "limits", "{memory-swap-max: 512MB}", Code.S005, "/memory-swap-max", "512MB", false,
                        true, true),
                everywhere("sandbox key misspelt", "sandbox", "{protect-hom: true}", Code.S002, "/protect-hom", "protect-hom", true, true, false),
                everywhere("sandbox as a list", "sandbox", "[private-tmp]", Code.S001, "", "[private-tmp]", false, true, false),
                everywhere("relative read-only path", "sandbox", "{read-only-paths: [srv/www]}", Code.F001, "/read-only-paths/0",
                        "srv/www", false, true, false),
                everywhere("relative read-write path", "sandbox", "{read-write-paths: [var/lib/app]}", Code.F001, "/read-write-paths/0",
                        "var/lib/app", false, true, false),
                everywhere("relative inaccessible path", "sandbox", "{inaccessible-paths: [home/other]}", Code.F001,
                        "/inaccessible-paths/0", "home/other", false, true, false),
                // environment files, in a container and in a service
                everywhere("relative environment file", "environment-files", "[etc/default/web]", Code.F001, "/0",
                        "etc/default/web", false, true, false),
                everywhere("environment file key misspelt", "environment-files", "[{path: /etc/default/web, optinal: true}]",
                        Code.S002, "/0/optinal", "optinal", true, true, false),
                everywhere("relative environment file in a mapping", "environment-files", "[{path: default/web}]", Code.F001,
                        "/0/path", "default/web", false, true, false),
                everywhere("a number for an environment file", "environment-files", "[5]", Code.S001, "/0", "5", false, true, false),
                // environment names, limits and settings: everywhere a unit is configured
                everywhere("environment name with a dash", "environment", "{MY-VAR: x}", Code.V009, "/MY-VAR", "MY-VAR", true, true, true),
                everywhere("environment name starting with a digit", "environment", "{9LIVES: x}", Code.V009, "/9LIVES", "9LIVES",
                        true, false, false),
                everywhere("memory in MB", "limits", "{memory-max: 512MB}", Code.S005, "/memory-max", "512MB", false, true, true),
                everywhere("memory with a fraction", "limits", "{memory-high: 1.5G}", Code.S005, "/memory-high", "1.5G", false, true, true),
                everywhere("deprecated memory limit with a space", "limits", "{memory-limit: 1 GB}", Code.S005, "/memory-limit", "1 GB",
                        false, true, true),
                everywhere("CPU quota without %", "limits", "{cpu-quota: '50'}", Code.S005, "/cpu-quota", "'50'", false, true, true),
                everywhere("tasks unlimited", "limits", "{tasks-max: unlimited}", Code.S005, "/tasks-max", "unlimited", false, true, true),
                everywhere("memory as YAML's infinite number", "limits", "{memory-max: .inf}", Code.S005, "/memory-max", ".inf", false,
                        true, true),
                everywhere("settings section in lower case", "settings", "{service: {Nice: 5}}", Code.H002, "/service", "service",
                        true, true, true),
                everywhere("settings directive in lower case", "settings", "{Service: {nice: 5}}", Code.C004, "/Service/nice", "nice",
                        true, true, true),
                everywhere("settings value as a mapping", "settings", "{Service: {Nice: {a: 1}}}", Code.S001, "/Service/Nice", "Nice",
                        false, true, true))
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneDiagnosticInWordsAtTheMistakeWithAHintThatFixesIt(Case c) {
        assertTrue(Berth.validate(new Source("berth.yaml", BASE)).diagnostics().isEmpty(), "the base config is valid");
        List<Diagnostic> found = Berth.validate(new Source("berth.yaml", c.yaml)).diagnostics().all();
        assertEquals(1, found.size(), "one mistake, one diagnostic: " + found);
        Diagnostic d = found.get(0);
        assertEquals(c.code, d.code(), d.toString());
        assertEquals(c.path, d.path());
        Position where = d.position().orElseThrow();
        assertEquals(expectedPosition(c), where.line() + ":" + where.column(), "line:col of " + d);
        assertFalse(Wording.looksLikeRegex(d.summary()), "a regular expression in: " + d.summary());
        assertNull(Wording.hintProblem(d.hint()), d.hint());

        String fixed = substitute(c, d.hint());
        List<Diagnostic> after = Berth.validate(new Source("berth.yaml", fixed)).diagnostics().all();
        assertTrue(after.stream().noneMatch(Diagnostic::isError), "the hint '" + d.hint() + "' written in:\n" + fixed + "\nstill gives " + after);
    }

    @Test
    void everyCheckedKeyHasARow() {
        List<Case> cases = cases().toList();
        List<String> missing = new ArrayList<>();
        for (SchemaFields.Field field : SchemaFields.checked()) {
            if (cases.stream().noneMatch(c -> field.matches(c.path, c.atName) || !c.atName && field.matches(parentOfItem(c.path), false))) {
                missing.add(field.toString());
            }
        }
        assertTrue(missing.isEmpty(), "keys the schema checks by a pattern or several shapes, without a row:\n" + String.join("\n", missing));
        assertTrue(cases.size() >= 40);
    }

    /** A list item's pointer names the list when the list's items take the shapes ({@code port/0} is a mistake in port). */
    private static String parentOfItem(String path) {
        return path.matches(".*/[0-9]+") ? path.substring(0, path.lastIndexOf('/')) : path;
    }

    /** Where the mistake's text stands: the only place it occurs as a word. */
    private static String expectedPosition(Case c) {
        Matcher m = Pattern.compile("(?<![A-Za-z0-9_.-])" + Pattern.quote(c.bad) + "(?![A-Za-z0-9_-])").matcher(c.yaml);
        assertTrue(m.find(), "'" + c.bad + "' is in the config");
        int at = m.start();
        assertFalse(m.find(), "'" + c.bad + "' is in the config only once");
        String before = c.yaml.substring(0, at);
        int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
        int column = at - before.lastIndexOf('\n');
        return line + ":" + column;
    }

    private static final Pattern DID_YOU_MEAN_KEY = Pattern.compile("did you mean '([^']+)'\\?");
    private static final Pattern SNIPPET = Pattern.compile("`([^`]+)`");
    private static final Pattern ONE_OF = Pattern.compile("use one of: ([^,]+)");

    /** The config with the hint's value written in place of the mistake (or the entry renamed, for a name). */
    @SuppressWarnings("unchecked")
    private static String substitute(Case c, String hint) {
        Load load = new Load(LoadSettings.builder().build());
        Object root = load.loadFromString(c.yaml);
        String[] segments = c.path.substring(1).split("/");
        Object parent = root;
        for (int i = 0; i < segments.length - 1; i++) {
            parent = parent instanceof List<?> list ? list.get(Integer.parseInt(segments[i])) : ((Map<String, Object>) parent).get(segments[i]);
        }
        String last = segments[segments.length - 1];
        Object value = suggested(hint, last);
        if (c.atName) {
            Map<String, Object> map = (Map<String, Object>) parent;
            Map<String, Object> renamed = new LinkedHashMap<>();
            map.forEach((k, v) -> renamed.put(k.equals(last) ? String.valueOf(value) : k, v));
            map.clear();
            map.putAll(renamed);
        } else if (parent instanceof List<?> list) {
            ((List<Object>) list).set(Integer.parseInt(last), value);
        } else {
            ((Map<String, Object>) parent).put(last, value);
        }
        return new Dump(DumpSettings.builder().build()).dumpToString(root);
    }

    @SuppressWarnings("unchecked")
    private static Object suggested(String hint, String key) {
        Load load = new Load(LoadSettings.builder().build());
        Matcher name = DID_YOU_MEAN_KEY.matcher(hint);
        if (name.find()) {
            return name.group(1);
        }
        Matcher snippet = SNIPPET.matcher(hint);
        if (snippet.find()) {
            Object value = load.loadFromString(snippet.group(1));
            if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey(key)) {
                return ((Map<String, Object>) map).get(key);
            }
            return value;
        }
        Matcher oneOf = ONE_OF.matcher(hint);
        assertTrue(oneOf.find(), "the hint holds a value: " + hint);
        return load.loadFromString(oneOf.group(1).strip());
    }

    static String describe(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.code() + " " + d.path() + ": " + d.summary() + " / " + d.hint()).collect(Collectors.joining("\n"));
    }
}
