package dev.berth.cli;

import static dev.berth.testing.Installs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.diag.Code;
import dev.berth.diag.DiagnosticCodesTest;
import dev.berth.testing.RecordingHost;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The severity validate, plan and apply print for a code is the one {@code berth explain}, {@code explain --list}
 * and docs/diagnostics.md give it: every code is driven through the command line (validate for the config's
 * codes, real roots for plan and apply), and what it prints is compared with what the catalogue says.
 */
class SeverityAgreementTest {
    /** "error[S002]", "warning[A005]": the label every text printer and the plan's warnings use. */
    private static final Pattern LABEL = Pattern.compile("\\b(error|warning|note)\\[([A-Z]\\d{3})]");
    private static final Path EXAMPLE = Path.of("examples/book-ssh-container.yaml");

    /** Codes no command line reaches today: none; a code added without a way to reach it is named here. */
    private static final Set<Code> NOT_DRIVEN = EnumSet.noneOf(Code.class);

    @TempDir
    Path dir;

    @AfterEach
    void realHosts() {
        LiveHostStandIn.remove();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.berth.diag.DiagnosticCodesTest#cases")
    void validatePrintsTheCatalogueSeverity(DiagnosticCodesTest.Case c) throws IOException {
        Path file = dir.resolve("berth.yaml");
        if (c.bytes() != null) {
            Files.write(file, c.bytes());
        } else {
            write(file, c.yaml());
        }
        assertAgrees(c.code(), Cli.run("validate", file.toString()));
    }

    @Test
    void everyCodeIsDrivenOrNamed() {
        Set<Code> driven = EnumSet.noneOf(Code.class);
        DiagnosticCodesTest.cases().forEach(c -> driven.add(c.code()));
        driven.addAll(EnumSet.of(Code.C002, Code.C003, Code.C004));
        driven.addAll(EnumSet.range(Code.R002, Code.R005));
        driven.addAll(EnumSet.range(Code.A001, Code.A017));
        for (Code code : Code.values()) {
            assertTrue(driven.contains(code) ^ NOT_DRIVEN.contains(code), code + ": drive it here or name it in NOT_DRIVEN");
        }
    }

    @Test
    void importCodesThroughValidate() {
        String host = "berth: 1\nimport: [shared.yaml]\ncontainers: {}\n";
        assertAgrees(Code.R002, validate(host));
        write(dir.resolve("shared.yaml"), "import: [berth.yaml]\n");
        assertAgrees(Code.R003, validate(host));
        write(dir.resolve("shared.yaml"), "templates: {site: {root-parent: /srv}}\n");
        assertAgrees(Code.R004, validate(host.replace("containers: {}", "templates: {site: {root-parent: /srv}}\ncontainers: {}")));
        write(dir.resolve("shared.yaml"), "containers: {}\n");
        assertAgrees(Code.R005, validate(host));
    }

    @Test
    void settingsCodesThroughValidate() {
        String service = "berth: 1\nsystemd: 239\ncontainers:\n  web:\n    root: /srv/web\n    mask: [ssh.service]\n"
                + "    ports: {ssh: {listen: 23}}\n    services:\n      sshd:\n        port: ssh\n        per-connection: true\n"
                + "        runtime-directory: sshd\n        exec: [/usr/sbin/sshd, -i]\n        settings:\n          Service: ";
        assertAgrees(Code.C002, validate(service + "{StandardError: syslog}\n"));
        assertAgrees(Code.C003, validate(service + "{ProtectClock: \"yes\"}\n"));
        assertAgrees(Code.C004, validate(service + "{ExecStrat: [/bin/x]}\n"));
    }

    @Test
    void a001AForeignFile() throws IOException {
        Path root = root();
        write(root.resolve("etc/systemd/system/mycontainer.service"), "# by hand\n");
        assertAgrees(Code.A001, plan(root));
    }

    @Test
    void a002TheLockHeld() throws IOException {
        Path root = root();
        Path lock = Files.createDirectories(root.resolve("var/lib/berth")).resolve("lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            assertAgrees(Code.A002, Cli.run("apply", EXAMPLE.toString(), "--root", root.toString()));
        }
    }

    @Test
    void a003ASymbolicLinkOnTheWay() throws IOException {
        Path root = root();
        Files.createSymbolicLink(root.resolve("etc"), Files.createDirectories(dir.resolve("elsewhere")));
        assertAgrees(Code.A003, plan(root));
    }

    @Test
    void a004AFailedSystemctl() throws IOException {
        Path root = root();
        RecordingHost host = new RecordingHost();
        host.failing.add("systemctl start mycontainer.socket");
        LiveHostStandIn.install(host);
        assertAgrees(Code.A004, Cli.run("apply", EXAMPLE.toString(), "--root", root.toString()));
    }

    @Test
    void a005AGuestRootWithoutASystem() throws IOException {
        assertAgrees(Code.A005, plan(root()));
    }

    @Test
    void a006AFileChangedByHand() throws IOException {
        Path root = root();
        assertEquals(0, Cli.run("apply", EXAMPLE.toString(), "--root", root.toString()).status());
        write(root.resolve("etc/systemd/system/mycontainer.service"), "# edited\n");
        assertAgrees(Code.A006, plan(root));
    }

    @Test
    void a010ASavedPlanWhoseFileChangedSince() throws IOException {
        Path root = root();
        Path planFile = dir.resolve("saved.plan");
        assertEquals(0, Cli.run("plan", EXAMPLE.toString(), "--root", root.toString(), "-o", planFile.toString()).status());
        write(root.resolve("etc/systemd/system/mycontainer.service"), "# written since\n");
        assertAgrees(Code.A010, Cli.run("apply", planFile.toString(), "--root", root.toString()));
    }

    @Test
    void a015ASavedPlanForAnotherRoot() throws IOException {
        Path planFile = dir.resolve("saved.plan");
        assertEquals(0, Cli.run("plan", EXAMPLE.toString(), "--root", root().toString(), "-o", planFile.toString()).status());
        Path other = Files.createDirectories(dir.resolve("other"));
        assertAgrees(Code.A015, Cli.run("apply", planFile.toString(), "--root", other.toString()));
    }

    @Test
    void a016ARollbackToAGenerationNotKept() throws IOException {
        assertAgrees(Code.A016, Cli.run("rollback", "3", "--root", root().toString()));
    }

    @Test
    void a007ADirectoryInTheWay() throws IOException {
        Path root = root();
        Files.createDirectories(root.resolve("etc/systemd/system/mycontainer.service"));
        assertAgrees(Code.A007, plan(root));
    }

    @Test
    void a008ABrokenManifest() throws IOException {
        Path root = root();
        write(root.resolve("var/lib/berth/manifest.json"), "{\"format_version\": 1, \"files\": [");
        assertAgrees(Code.A008, plan(root));
    }

    @Test
    void a009AMissingRoot() {
        assertAgrees(Code.A009, plan(dir.resolve("missing")));
    }

    @Test
    void a011AGuestSystemdTooOld() throws IOException {
        Path root = root();
        write(root.resolve("srv/mycontainer/usr/lib/systemd/libsystemd-shared-219.so"), "");
        assertAgrees(Code.A011, plan(root));
    }

    @Test
    void a012ABootstrapWithoutAGuestSystem() throws IOException {
        Path config = dir.resolve("berth.yaml");
        write(config, "berth: 1\ncontainers:\n  web:\n    root: /srv/web\n    ports: {http: {listen: 80}}\n"
                + "    services:\n      httpd: {port: http, exec: [/usr/sbin/httpd]}\n");
        assertAgrees(Code.A012, Cli.run("plan", config.toString(), "--root", root().toString(), "--bootstrap"));
    }

    @Test
    void a013APortHeldByAnotherProcess() throws IOException {
        Path root = root();
        RecordingHost host = new RecordingHost();
        host.listeners.add(new dev.berth.plan.Listener("tcp", "0.0.0.0", 23, 4711));
        host.holders.put(4711L, "sshd (pid 812)");
        LiveHostStandIn.install(host);
        Cli plan = plan(root);
        assertAgrees(Code.A013, plan);
        // as docs/apply.md shows it
        assertTrue(plan.out().contains("  warning[A013]: port 23/tcp, where mycontainer.socket is to listen, is held by sshd "
                + "(pid 812) on 0.0.0.0:23\n    hint: stop that process or give the container another port; otherwise systemctl "
                + "start mycontainer.socket fails with 'Address already in use' once the files are written\n"), plan.out());
    }

    @Test
    void a014AHostWithoutSystemdNspawn() throws IOException {
        Path root = root();
        write(root.resolve("etc/os-release"), "ID=debian\n");
        assertAgrees(Code.A014, plan(root));
    }

    private Path root() throws IOException {
        return Files.createDirectories(dir.resolve("root"));
    }

    private static Cli plan(Path root) {
        return Cli.run("plan", EXAMPLE.toString(), "--root", root.toString());
    }

    private Cli validate(String yaml) {
        Path file = dir.resolve("berth.yaml");
        write(file, yaml);
        return Cli.run("validate", file.toString());
    }

    /** The run printed {@code expected}, and every code it printed with the severity the catalogue gives it. */
    private static void assertAgrees(Code expected, Cli run) {
        Map<Code, String> printed = new EnumMap<>(Code.class);
        Matcher m = LABEL.matcher(run.out() + run.err());
        while (m.find()) {
            Code code = Code.find(m.group(2)).orElseThrow();
            String before = printed.put(code, m.group(1));
            assertTrue(before == null || before.equals(m.group(1)), code + " printed as both " + before + " and " + m.group(1));
        }
        assertTrue(printed.containsKey(expected), expected + " is printed\n" + run);
        printed.forEach((code, severity) -> {
            assertEquals(explained(code), severity, code + ": printed vs berth explain\n" + run);
            assertEquals(listed(code), severity, code + ": printed vs berth explain --list");
            assertEquals(documented(code), severity, code + ": printed vs docs/diagnostics.md");
        });
    }

    private static String explained(Code code) {
        Matcher m = Pattern.compile("(?m)^severity: (\\w+)$").matcher(Cli.run("explain", code.id()).out());
        assertTrue(m.find(), "berth explain " + code + " names a severity");
        return m.group(1);
    }

    private static String listed(Code code) {
        Matcher m = Pattern.compile("(?m)^  " + code.id() + "  (\\w+) ").matcher(Cli.run("explain", "--list").out());
        assertTrue(m.find(), "berth explain --list lists " + code);
        return m.group(1);
    }

    private static String documented(Code code) {
        try {
            String docs = Files.readString(Path.of("docs/diagnostics.md"));
            Matcher m = Pattern.compile("(?m)^\\| \\[" + code.id() + "]\\(#\\w+\\) \\| (\\w+) \\|").matcher(docs);
            assertTrue(m.find(), "docs/diagnostics.md has a row for " + code);
            return m.group(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
