package dev.berth.cli;

import static dev.berth.testing.Installs.config;
import static dev.berth.testing.Installs.container;
import static dev.berth.testing.Installs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testing.RecordingHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemctl processes plan, apply, status and destroy start on a live host do not grow with the number of
 * containers: systemd is asked once for every unit, and the units of one kind go in one call.
 */
class SystemctlProcessCountTest {
    @TempDir
    Path dir;

    @AfterEach
    void backToReal() {
        LiveHostStandIn.remove();
    }

    @Test
    void tenContainersAndTwoHundredStartAsManySystemctlProcesses() throws IOException {
        Map<String, Integer> ten = processes(10);
        Map<String, Integer> twoHundred = processes(200);

        assertEquals(ten, twoHundred);
        // asked of the recording host, so that a change here is a decision: query, reload, start or restart
        assertEquals(Map.of("apply", 3, "plan, nothing changed", 2, "apply of one port changed", 5,
                "status", 2, "destroy", 4), ten);
    }

    /** The systemctl processes of each step, on a host with {@code n} containers whose sockets all listen. */
    private Map<String, Integer> processes(int n) throws IOException {
        Path root = Files.createDirectories(dir.resolve("root" + n));
        Path file = dir.resolve("berth" + n + ".yaml");
        RecordingHost host = new RecordingHost();
        LiveHostStandIn.install(host);
        Map<String, Integer> counts = new LinkedHashMap<>();
        write(file, containers(n, 3000));
        counts.put("apply", run(host, "apply", file.toString(), "--root", root.toString()));
        host.active.add("c0.service"); // one container runs: a changed socket stops it first
        counts.put("plan, nothing changed", run(host, "plan", file.toString(), "--root", root.toString()));
        write(file, containers(n, 3000).replace("listen: 3000}", "listen: 2999}"));
        counts.put("apply of one port changed", run(host, "apply", file.toString(), "--root", root.toString()));
        counts.put("status", run(host, "status", file.toString(), "--root", root.toString()));
        counts.put("destroy", run(host, "destroy", "--root", root.toString()));
        return counts;
    }

    private static int run(RecordingHost host, String... args) {
        host.processes = 0;
        Cli cli = Cli.run(args);
        assertEquals(0, cli.status(), cli.toString());
        return host.processes;
    }

    private static String containers(int n, int firstPort) {
        String[] blocks = new String[n];
        for (int i = 0; i < n; i++) {
            blocks[i] = container("c" + i, firstPort + i);
        }
        return config(blocks);
    }
}
