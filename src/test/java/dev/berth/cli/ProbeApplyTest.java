package dev.berth.cli;

import static dev.berth.testing.Installs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testing.RecordingHost;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply on a live host probes the ports of the containers it changed: a local server stands in for the container,
 * answering with a banner while the installed unit is a working one and closing each connection at once while it is
 * the broken one.
 */
class ProbeApplyTest {
    @TempDir
    Path dir;
    Path root;
    Path config;
    final RecordingHost host = new RecordingHost();
    ServerSocket server;
    Thread answering;

    @BeforeEach
    void pretendLive() throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        config = dir.resolve("berth.yaml");
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        answering = new Thread(this::answer, "container stand-in");
        answering.setDaemon(true);
        answering.start();
        LiveHostStandIn.install(host);
        host.printing.put("journalctl -M web", "2026-12-06T07:01:12+00:00 web systemd[1]: sshd@0.service: "
                + "Failed to locate executable /usr/sbin/sshd-missing\n");
    }

    @AfterEach
    void backToReal() throws IOException {
        LiveHostStandIn.remove();
        server.close();
    }

    private void answer() {
        while (!server.isClosed()) {
            try (Socket connection = server.accept()) {
                Path unit = root.resolve("etc/systemd/system/web.service");
                boolean broken = Files.exists(unit) && Files.readString(unit).contains("broken");
                if (!broken) {
                    OutputStream out = connection.getOutputStream();
                    out.write("SSH-2.0-stand-in\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                return; // closed at the end of the test
            }
        }
    }

    private void version(String description) {
        write(config, """
                berth: 1
                containers:
                  web:
                    description: %s
                    root: /srv/web
                    ports:
                      ssh: {listen: "127.0.0.1:%d", probe: {banner: SSH-2.0-, timeout: 5s}}
                    services:
                      sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i], runtime-directory: sshd}
                """.formatted(description, server.getLocalPort()));
    }

    private Cli apply(String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "apply";
        args[1] = config.toString();
        args[2] = "--root=" + root;
        System.arraycopy(more, 0, args, 3, more.length);
        return Cli.run(args);
    }

    @Test
    void aChangedContainerIsProbedAndItsResultKept() throws IOException {
        version("Web v1");
        Cli apply = apply();

        assertEquals(0, apply.status(), apply.toString());
        assertTrue(apply.out().contains("\nProbes after the apply (the port answered):\n"), apply.out());
        assertTrue(apply.out().matches("(?s).*\n  ok +web/ssh +banner on 127\\.0\\.0\\.1:" + server.getLocalPort()
                + " +[0-9]+\\.[0-9]{2} s +SSH-2\\.0-stand-in\n.*"), apply.out());
        String kept = Files.readString(root.resolve("var/lib/berth/probe-results.json"));
        assertTrue(kept.contains("\"container\": \"web\", \"port\": \"ssh\""), kept);
        assertTrue(kept.contains("\"ok\": true"), kept);

        Cli again = apply();
        assertEquals(0, again.status(), again.toString());
        assertFalse(again.out().contains("Probes"), "nothing changed, nothing probed: " + again.out());
    }

    @Test
    void aFailedProbeShowsTheJournalAndExits1() throws IOException {
        version("Web v1");
        assertEquals(0, apply().status());
        version("Web broken");

        Cli apply = apply();

        assertEquals(1, apply.status(), apply.toString());
        assertTrue(apply.out().contains("\nProbes after the apply (1 of 1 port failed):\n"), apply.out());
        assertTrue(apply.out().contains("the connection was closed"), apply.out());
        assertTrue(apply.out().contains("          journal of the container web (journalctl -M web"), apply.out());
        assertTrue(apply.out().contains("          | 2026-12-06T07:01:12+00:00 web systemd[1]: sshd@0.service: "
                + "Failed to locate executable /usr/sbin/sshd-missing\n"), apply.out());
        assertTrue(apply.err().contains("error[A017]: web/ssh did not answer its probe on 127.0.0.1:" + server.getLocalPort()
                + ": the connection was closed"), apply.err());
        assertTrue(Files.readString(root.resolve("etc/systemd/system/web.service")).contains("Web broken"),
                "without --rollback-on-failure the change stays");
    }

    @Test
    void rollbackOnFailureReturnsToTheGenerationBeforeAndProbesIt() throws IOException {
        version("Web v1");
        assertEquals(0, apply().status());
        String v1 = Files.readString(root.resolve("etc/systemd/system/web.service"));
        version("Web broken");

        Cli apply = apply("--rollback-on-failure");

        assertEquals(1, apply.status(), "the change asked for did not hold: " + apply);
        assertTrue(apply.err().contains("error[A017]"), apply.err());
        assertTrue(apply.err().contains("berth: rolling back to generation 1 (--rollback-on-failure)"), apply.err());
        assertTrue(apply.out().contains("\nProbes after the rollback (the port answered):\n"), apply.out());
        assertTrue(apply.err().contains("berth: the change did not hold; rolled back to generation 1, which answers"),
                apply.err());
        assertEquals(v1, Files.readString(root.resolve("etc/systemd/system/web.service")));
        Cli generations = Cli.run("generations", "--root=" + root);
        assertEquals(4, generations.out().lines().count(), "a header, v1, the broken one and the rollback: " + generations);
        String kept = Files.readString(root.resolve("var/lib/berth/probe-results.json"));
        assertTrue(kept.contains("\"ok\": true") && kept.contains("\"after\": \"rollback\""), kept);
    }

    @Test
    void rollbackProbesWhatItReturnsTo() {
        version("Web v1");
        assertEquals(0, apply().status());
        version("Web broken");
        assertEquals(1, apply().status());

        Cli rollback = Cli.run("rollback", "--root=" + root);

        assertEquals(0, rollback.status(), rollback.toString());
        assertTrue(rollback.out().contains("\nProbes after the rollback (the port answered):\n"), rollback.out());
    }

    @Test
    void rollbackOnFailureAlsoWhenASystemActionFailsOnceTheFilesAreInPlace() throws IOException {
        version("Web v1");
        assertEquals(0, apply().status());
        String v1 = Files.readString(root.resolve("etc/systemd/system/web.socket"));
        write(config, Files.readString(config).replace("127.0.0.1:", "127.0.0.2:"));
        host.failingToStart.add("web.socket");

        Cli apply = apply("--rollback-on-failure");

        assertEquals(1, apply.status(), apply.toString());
        assertTrue(apply.err().contains("error[A004]"), apply.err());
        assertTrue(apply.err().contains("berth: rolling back to generation 1 (--rollback-on-failure)"), apply.err());
        assertEquals(v1, Files.readString(root.resolve("etc/systemd/system/web.socket")));
        assertTrue(apply.err().contains("and the rollback to generation 1 did not either"), "the socket still fails: " + apply.err());
    }

    @Test
    void noProbeTurnsItOff() {
        version("Web broken");
        Cli apply = apply("--no-probe");

        assertEquals(0, apply.status(), apply.toString());
        assertFalse(apply.out().contains("Probes"), apply.out());
    }

    @Test
    void probeBelowAnotherRootIsRefusedBeforeAnythingChanges() throws IOException {
        LiveHostStandIn.remove();
        version("Web v1");

        Cli apply = apply("--probe");

        assertEquals(1, apply.status(), apply.toString());
        assertTrue(apply.err().contains("berth: --probe needs the live host (--root /)"), apply.err());
        try (var files = Files.list(root)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void jsonAddsTheProbesAndTheRollbackToApplysDocument() {
        version("Web v1");
        Cli first = apply("--format=json");

        assertEquals(0, first.status(), first.toString());
        assertTrue(first.out().startsWith("{\"format_version\": 1, \"plan\": "), first.out());
        assertEquals(1, first.out().split("\n\\{", -1).length, "one document: " + first.out());
        assertTrue(first.out().contains("\n \"probes\": {\"after\": \"apply\", \"ok\": true, \"results\": [\n"
                + "  {\"container\": \"web\", \"port\": \"ssh\", \"address\": \"127.0.0.1:" + server.getLocalPort() + "\""),
                first.out());

        version("Web broken");
        Cli second = apply("--format=json", "--rollback-on-failure");

        assertEquals(1, second.status(), second.toString());
        assertTrue(second.out().contains("\"probes\": {\"after\": \"apply\", \"ok\": false, "), second.out());
        assertTrue(second.out().contains("\"journal\": [\"journal of the container web (journalctl -M web)\", "),
                second.out());
        assertTrue(second.out().contains("\n \"rollback\": {\"generation\": 1, \"plan\": "), second.out());
        assertTrue(second.out().contains("\"probes\": {\"after\": \"rollback\", \"ok\": true, "), second.out());
        assertFalse(second.err().contains("A017"), "in JSON each result says whether it answered: " + second.err());
    }
}
