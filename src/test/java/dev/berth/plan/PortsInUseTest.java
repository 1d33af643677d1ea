package dev.berth.plan;

import static dev.berth.testing.Installs.ALPHA;
import static dev.berth.testing.Installs.apply;
import static dev.berth.testing.Installs.config;
import static dev.berth.testing.Installs.container;
import static dev.berth.testing.Installs.desired;
import static dev.berth.testing.Installs.live;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.Berth;
import dev.berth.apply.ProcListeners;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.testing.RecordingHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live host's plan warns, per port, when another process holds an address a socket is to listen on. */
class PortsInUseTest {
    @TempDir
    Path root;

    private static List<String> a013(Plan plan) {
        return plan.diagnostics().stream().filter(d -> d.code() == Code.A013).map(Diagnostic::summary).toList();
    }

    @Test
    void aNewSocketsPortHeldByAnotherProcessIsNamedWithTheProcess() {
        RecordingHost host = new RecordingHost();
        host.listeners.add(new Listener("tcp", "0.0.0.0", 2201, 4711));
        host.listeners.add(new Listener("udp", "0.0.0.0", 2201, 4712)); // another protocol: no clash
        host.listeners.add(new Listener("tcp", "127.0.0.1", 9999, 4713)); // another port
        host.holders.put(4711L, "nc (pid 321)");

        Plan plan = Berth.plan(desired(config(ALPHA)), live(root, host), PlanOptions.DEFAULT);

        assertEquals(List.of("port 2201/tcp, where alpha.socket is to listen, is held by nc (pid 321) on 0.0.0.0:2201"), a013(plan));
        Diagnostic warning = plan.diagnostics().stream().filter(d -> d.code() == Code.A013).findFirst().orElseThrow();
        assertEquals("/containers/alpha/ports", warning.path());
    }

    @Test
    void aListeningSocketsOwnPortIsNoClashButAnotherProcessOnItsNewPortIs() {
        RecordingHost host = new RecordingHost();
        apply(live(root, host), config(ALPHA), host);
        host.listeners.add(new Listener("tcp", "::", 2201, 1)); // alpha.socket itself, held by systemd
        host.holders.put(1L, "systemd (pid 1)");
        assertEquals(List.of(), a013(Berth.plan(desired(config(ALPHA)), live(root, host), PlanOptions.DEFAULT)));

        host.listeners.add(new Listener("tcp", "::", 2299, 2));
        host.holders.put(2L, "nginx (pid 900)");
        Plan moved = Berth.plan(desired(config(container("alpha", 2299))), live(root, host), PlanOptions.DEFAULT);
        assertEquals(List.of("port 2299/tcp, where alpha.socket is to listen, is held by nginx (pid 900) on [::]:2299"),
                a013(moved));
    }

    @Test
    void anOfflineRootIsNotChecked() {
        RecordingHost host = new RecordingHost();
        host.listeners.add(new Listener("tcp", "0.0.0.0", 2201, 4711));
        Plan plan = Berth.plan(desired(config(ALPHA)), dev.berth.testing.Installs.offline(root), PlanOptions.DEFAULT);
        assertEquals(List.of(), a013(plan));
    }

    @Test
    void theKernelsTablesAreRead() throws IOException {
        Path proc = root.resolve("proc");
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/tcp"), "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 00000000:0017 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4711 1 0000 100 0 0 10 0\n"
                + "   1: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 4799 1 0000 100 0 0 10 0\n");
        Files.writeString(proc.resolve("net/tcp6"), "  sl  local_address remote_address st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 00000000000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4800 1 0000 100 0 0 10 0\n");
        Path fd = Files.createDirectories(proc.resolve("812/fd"));
        Files.createSymbolicLink(fd.resolve("3"), Path.of("socket:[4711]"));
        Files.writeString(proc.resolve("812/comm"), "sshd\n");
        ProcListeners kernel = new ProcListeners(proc);

        assertEquals(List.of(new Listener("tcp", "0.0.0.0", 23, 4711), new Listener("tcp", "0:0:0:0:0:0:0:1", 80, 4800)),
                kernel.listeners(), "the established connection is no listener");
        assertEquals(java.util.Map.of(4711L, "sshd (pid 812)"), kernel.holders(List.of(4711L, 4800L)));
    }
}
