package dev.berth.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probes file and the results file read back what they write, refuse what they do not, and pick due probes. */
class ProbeFilesTest {
    private static final ProbeTarget WEB = new ProbeTarget("web", "http", "80", new Probe(Probe.Kind.HTTP, "/health", 200, 30_000),
            "web", "web.service", "srv/web", List.of("etc/systemd/system/web.service", "etc/systemd/system/web.socket"));
    private static final ProbeTarget SSH = new ProbeTarget("box", "ssh", "[::]:23", new Probe(Probe.Kind.BANNER, "SSH-2.0-", 0, 60_000),
            "box", "box.service", "srv/box", List.of("etc/systemd/system/box.service"));

    @Test
    void probesReadBackAsWritten() throws IOException {
        String written = ProbeFile.write(List.of(WEB, SSH));
        assertEquals(List.of(WEB, SSH), ProbeFile.read(written.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), ProbeFile.read(ProbeFile.write(List.of()).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFileNotAsBerthWritesItSaysWhy() {
        IOException kind = assertThrows(IOException.class, () -> ProbeFile.read(ProbeFile.write(List.of(WEB))
                .replace("\"http\"", "\"ping\"").getBytes(StandardCharsets.UTF_8)));
        assertEquals(ProbeFile.PATH + " is not as berth writes it: the kind ping is none berth knows", kind.getMessage());
        IOException version = assertThrows(IOException.class,
                () -> ProbeFile.read("{\"format_version\": 2, \"probes\": []}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(version.getMessage().endsWith("its format_version is not 1"), version.getMessage());
        IOException missing = assertThrows(IOException.class,
                () -> ProbeFile.read("{\"format_version\": 1}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(missing.getMessage().endsWith("probes is missing"), missing.getMessage());
        assertThrows(IOException.class, () -> ProbeFile.read("{".getBytes(StandardCharsets.UTF_8)));
        IOException path = assertThrows(IOException.class, () -> ProbeFile.read(ProbeFile.write(List.of(SSH))
                .replace("[\"etc/systemd/system/box.service\"]", "[7]").getBytes(StandardCharsets.UTF_8)));
        assertTrue(path.getMessage().endsWith("paths holds something that is not text"), path.getMessage());
    }

    @Test
    void dueAreTheProbesOfContainersWhoseFilesChanged() {
        List<ProbeTarget> both = List.of(WEB, SSH);
        assertEquals(List.of(WEB), DueProbes.of(both, List.of("etc/systemd/system/web.socket")));
        assertEquals(List.of(SSH), DueProbes.of(both, List.of("srv/box/etc/systemd/system/sshd@.service")));
        assertEquals(List.of(WEB, SSH), DueProbes.of(both, List.of("srv/box/etc/x", "etc/systemd/system/web.service")));
        assertEquals(List.of(), DueProbes.of(both, List.of("srv/boxes/etc/x", "var/lib/berth/NOTES.md",
                "etc/systemd/system/other.service")), "a root beside srv/box is not inside it");
    }

    @Test
    void resultsMergeByPortAndReadBack() throws IOException {
        ProbeRecord webOld = new ProbeRecord("web", "http", "127.0.0.1:80", "http", false, 30_000, "no answer within 30 s",
                "2026-12-06T05:00:00Z", "apply");
        ProbeRecord box = new ProbeRecord("box", "ssh", "[::1]:23", "banner", true, 812, "SSH-2.0-OpenSSH_9.2p1",
                "2026-12-06T05:00:00Z", "apply");
        ProbeRecord webNew = new ProbeRecord("web", "http", "127.0.0.1:80", "http", true, 120, "HTTP 200",
                "2026-12-06T06:00:00Z", "rollback");
        List<ProbeRecord> merged = ProbeRecords.merge(List.of(webOld, box), List.of(webNew));
        assertEquals(List.of(box, webNew), merged, "the newer result replaces the port's older one; sorted");
        assertEquals(merged, ProbeRecords.read(ProbeRecords.write(merged).getBytes(StandardCharsets.UTF_8)));
        IOException broken = assertThrows(IOException.class, () -> ProbeRecords.read(ProbeRecords.write(merged)
                .replace("\"detail\": \"HTTP 200\"", "\"detail\": 200").getBytes(StandardCharsets.UTF_8)));
        assertEquals(ProbeRecords.PATH + " is not as berth writes it: detail is not text", broken.getMessage());
    }
}
