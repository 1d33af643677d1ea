package dev.berth.plan;

import static dev.berth.testing.Installs.ALPHA;
import static dev.berth.testing.Installs.BOTH;
import static dev.berth.testing.Installs.config;
import static dev.berth.testing.Installs.live;
import static dev.berth.testing.Installs.offline;
import static dev.berth.testing.Installs.plan;
import static dev.berth.testing.Installs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.Severity;
import dev.berth.testing.RecordingHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan names the package a host lacks for what the containers' units run, on a root that holds a system. */
class HostProgramCheckTest {
    @TempDir
    Path root;

    private static final String IDLE = config("""
              idle:
                root: /srv/idle
                form: modern
                idle-stop: 10s
                ports: {ssh: {listen: 2222}}
                services:
                  sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i], runtime-directory: sshd}
            """);
    private static final String NSPAWN_UNIT = config("""
              wiki:
                root: /var/lib/machines/wiki
                form: nspawn-unit
            """);

    private static List<Diagnostic> missing(Plan plan) {
        return plan.diagnostics().stream().filter(d -> d.code() == Code.A014).toList();
    }

    /** A Debian 12 root as debootstrap leaves it: merged /usr, etc/os-release a link into usr/lib. */
    private void debian(String... programs) throws IOException {
        write(root.resolve("usr/lib/os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        Files.createSymbolicLink(root.resolve("etc/os-release").toAbsolutePath(), Path.of("../usr/lib/os-release"));
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        for (String program : programs) {
            write(root.resolve(program), "");
        }
    }

    @Test
    void aHostWithoutSystemdContainerIsToldToInstallIt() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        debian();

        List<Diagnostic> missing = missing(plan(offline(root), BOTH));

        assertEquals(1, missing.size(), "one finding for both containers: " + missing);
        Diagnostic d = missing.get(0);
        assertEquals(Severity.WARNING, d.severity());
        assertEquals("/containers/alpha/root", d.path());
        assertTrue(d.summary().contains("/usr/bin/systemd-nspawn") && d.summary().contains("and 1 more container"), d.summary());
        assertTrue(d.hint().contains("apt-get install systemd-container") && d.hint().contains("dnf install systemd-container"),
                d.hint());
    }

    @Test
    void aHostWithSystemdNspawnHasNothingToInstall() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        debian("usr/bin/systemd-nspawn");

        assertEquals(List.of(), missing(plan(offline(root), config(ALPHA))));
    }

    @Test
    void theStockUnitOfFormNspawnUnitIsLookedForBehindAMergedUsr() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        debian("usr/bin/systemd-nspawn");

        List<Diagnostic> missing = missing(plan(offline(root), NSPAWN_UNIT));
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).summary().contains("systemd-nspawn@.service"), missing.get(0).summary());
        assertTrue(missing.get(0).hint().contains("install systemd-container"), missing.get(0).hint());

        write(root.resolve("usr/lib/systemd/system/systemd-nspawn@.service"), "[Service]\n");
        assertEquals(List.of(), missing(plan(offline(root), NSPAWN_UNIT)));
    }

    @Test
    void idleStopNeedsTheProxyFromSystemd() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        debian("usr/bin/systemd-nspawn");

        List<Diagnostic> missing = missing(plan(offline(root), IDLE));

        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).summary().contains("/usr/lib/systemd/systemd-socket-proxyd"), missing.get(0).summary());
        assertTrue(missing.get(0).hint().contains("apt-get install systemd "), missing.get(0).hint());
    }

    @Test
    void aDirectoryWithoutASystemIsNoHostToCheck() {
        assertEquals(List.of(), missing(plan(offline(root), BOTH)));
    }

    @Test
    void theLiveHostIsCheckedToo() throws IOException {
        write(root.resolve("etc/os-release"), "ID=fedora\n");

        List<Diagnostic> missing = missing(plan(live(root, new RecordingHost()), config(ALPHA)));

        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).summary().contains("this host has none"), missing.get(0).summary());
    }
}
