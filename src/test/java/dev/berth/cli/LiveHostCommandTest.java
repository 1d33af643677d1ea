package dev.berth.cli;

import static dev.berth.testing.Installs.BOTH;
import static dev.berth.testing.Installs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testing.RecordingHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply and destroy on a live host, with a temporary root standing in for / and a recording systemctl. */
class LiveHostCommandTest {
    @TempDir
    Path dir;
    Path root;
    Path config;
    final RecordingHost host = new RecordingHost();

    @BeforeEach
    void pretendLive() throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        config = dir.resolve("berth.yaml");
        write(config, BOTH);
        LiveHostStandIn.install(host);
    }

    @AfterEach
    void backToReal() {
        LiveHostStandIn.remove();
    }

    @Test
    void applyReloadsOnceAndStartsTheSocketsThenNothing() {
        Cli first = Cli.run("apply", config.toString(), "--root", root.toString());

        assertEquals(0, first.status(), first.toString());
        assertEquals(List.of("systemctl daemon-reload", "systemctl start alpha.socket beta.socket"), host.calls);
        assertTrue(first.out().contains("(live host)"), first.out());
        // as docs/apply.md shows it
        assertTrue(first.out().contains("System actions:\n"
                + "  systemctl daemon-reload                   # host unit files changed\n"
                + "  systemctl start alpha.socket beta.socket  # new socket\n"), first.out());
        assertTrue(first.out().contains("Apply complete: 15 added, 0 changed, 0 destroyed; 2 system actions."), first.out());

        host.calls.clear();
        Cli second = Cli.run("apply", config.toString(), "--root", root.toString());
        assertEquals(0, second.status(), second.toString());
        assertTrue(second.out().contains("No changes."), second.out());
        assertEquals(List.of(), host.calls);
    }

    @Test
    void failedStartIsReportedWithStatusAndTheStateOfTheHost() {
        host.failingToStart.add("beta.socket");

        Cli apply = Cli.run("apply", config.toString(), "--root", root.toString());

        assertEquals(1, apply.status(), apply.toString());
        assertTrue(apply.err().contains("error[A004]"), apply.err());
        assertTrue(apply.err().contains("$ systemctl status beta.socket"), apply.err());
        assertTrue(apply.err().contains("files: all 15 changes are in place and stay"), apply.err());
        assertTrue(apply.err().contains("done: systemctl daemon-reload"), apply.err());
        assertTrue(apply.err().contains("failed: systemctl start alpha.socket beta.socket"), apply.err());
        assertTrue(apply.err().contains("in that call: 1 of 2 units got there (alpha.socket); not: beta.socket failed (failed)"),
                apply.err());
    }

    @Test
    void destroyStopsSocketsFirst() {
        Cli.run("apply", config.toString(), "--root", root.toString());
        host.calls.clear();

        Cli destroy = Cli.run("destroy", config.toString(), "--root", root.toString());

        assertEquals(0, destroy.status(), destroy.toString());
        assertEquals(List.of("systemctl stop alpha.socket beta.socket", "systemctl daemon-reload"), host.calls);
    }
}
