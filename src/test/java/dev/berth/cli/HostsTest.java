package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.apply.Systemctl;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostsTest {
    @Test
    void onlyTheMachinesRootIsLive(@TempDir Path dir) throws IOException {
        assertTrue(Hosts.real(Path.of("/")).target().live());
        Hosts.Host offline = Hosts.real(dir);
        assertFalse(offline.target().live());
        assertTrue(offline.systemctl() == Systemctl.NONE, "an offline root never reaches systemctl");
        assertThrows(IOException.class, () -> Hosts.real(dir.resolve("missing")));
    }
}
