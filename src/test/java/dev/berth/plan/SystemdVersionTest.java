package dev.berth.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemdVersionTest {
    @Test
    void readsTheVersionFromSystemctlAndFromTheLibraryName() {
        assertEquals(Optional.of(252), SystemdVersion.fromVersionLine("systemd 252 (252.22-1~deb12u1)\n"));
        assertEquals(Optional.of(219), SystemdVersion.fromVersionLine("systemd 219"));
        assertEquals(Optional.empty(), SystemdVersion.fromVersionLine("bash: systemctl: command not found"));
        assertEquals(Optional.of(252), SystemdVersion.fromLibraryName("libsystemd-shared-252.so"));
        assertEquals(Optional.of(256), SystemdVersion.fromLibraryName("libsystemd-shared-256.7-1.fc41.so"));
        assertEquals(Optional.empty(), SystemdVersion.fromLibraryName("libsystemd-core-252.so"));
    }

    @Test
    void findsOnlySettingsNewerThanTheBooksSystemd() {
        assertEquals(Map.of("RuntimeDirectory", 211, "RuntimeDirectoryPreserve", 235), SystemdVersion.requirements(
                "[Service]\nExecStart=/bin/true\nRuntimeDirectory=sshd\n# RuntimeDirectoryMode=0700\nRuntimeDirectoryPreserve=yes\n"));
    }
}
