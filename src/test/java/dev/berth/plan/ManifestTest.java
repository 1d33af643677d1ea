package dev.berth.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testing.Installs;
import dev.berth.translate.GuestBootstrap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ManifestTest {
    @Test
    void roundTripsThroughItsJson() throws Manifest.Invalid {
        Manifest manifest = Manifest.of(Installs.desired(Installs.BOTH).tree());

        String json = manifest.toJson();

        assertEquals(manifest, Manifest.parse(json));
        assertEquals(json, Manifest.parse(json).toJson(), "same manifest, same bytes");
        assertTrue(json.startsWith("{\n  \"format_version\": 1,\n  \"generator\": \"berth\",\n  \"files\": [\n"), json);
    }

    @Test
    void stampsAndTheAppliedConfigRoundTrip() throws Manifest.Invalid {
        Manifest files = Manifest.of(Installs.desired(Installs.BOTH).tree());
        String unit = "etc/systemd/system/alpha.service";
        String link = "etc/systemd/system/sockets.target.wants/alpha.socket";
        AppliedConfig config = new AppliedConfig("abc", List.of(new GuestRoot("alpha", "srv/alpha", "/containers/alpha/root",
                new GuestBootstrap("debian", "", true, List.of("vim", "less")))),
                Map.of("", new TreeMap<>(), "srv/alpha", new TreeMap<>(Map.of("RuntimeDirectoryPreserve", "srv/alpha/x"))));
        Manifest manifest = new Manifest(files.files(), Map.of(unit, new Stamp(false, 0644, 358, 1796407202659645088L,
                "(dev=fe00,ino=2222259)"), link, new Stamp(true, 0, 15, 17L, "(dev=fe00,ino=7)")), Optional.of(config));

        String json = manifest.toJson();

        assertEquals(manifest, Manifest.parse(json));
        assertEquals(json, Manifest.parse(json).toJson());
        assertTrue(json.contains("\"size\": 358, \"mtime_ns\": 1796407202659645088, \"file_key\": \"(dev=fe00,ino=2222259)\"}"), json);
        assertEquals(Map.of("srv/alpha", Map.of("RuntimeDirectoryPreserve", "srv/alpha/x")), Manifest.parse(json).config().get().needs(),
                "a unit directory that needs nothing is left out");
    }

    @Test
    void theConfigDigestIsReadWithoutTheFiles() {
        Manifest files = Manifest.of(Installs.desired(Installs.BOTH).tree());
        String withConfig = new Manifest(files.files(), Map.of(), Optional.of(new AppliedConfig("abc", List.of(), Map.of())))
                .toJson();

        assertEquals(Optional.of("abc"), Manifest.configDigest(withConfig.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), Manifest.configDigest(files.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), Manifest.configDigest("{\"config\": [".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), Manifest.configDigest("[]".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"config\": 7,",
        "\"config\": {\"sha256\": \"abc\", \"guests\": [{\"container\": 1}], \"needs\": {}},",
        "\"config\": {\"sha256\": \"abc\", \"guests\": [], \"needs\": {\"\": {\"NoSuchSetting\": \"x\"}}},",
        "\"config\": {\"sha256\": \"abc\", \"guests\": [{\"container\": \"a\", \"path\": \"../a\", \"origin\": \"\", "
                + "\"os\": \"\", \"release\": \"\", \"sshd\": false, \"packages\": []}], \"needs\": {}},",
    })
    void aDamagedConfigRecordOnlyMeansCompiling(String config) throws Manifest.Invalid {
        Manifest manifest = Manifest.parse("{\"format_version\": 1, " + config + " \"files\": ["
                + "{\"path\": \"a\", \"kind\": \"symlink\", \"target\": \"x\", \"size\": \"1\", \"mtime_ns\": 2, \"file_key\": \"k\"}]}");

        assertTrue(manifest.config().isEmpty());
        assertTrue(manifest.stamp("a").isEmpty(), "a stamp with a wrong field is none");
        assertTrue(manifest.owns("a"));
    }

    @Test
    void emptyManifestRoundTrips() throws Manifest.Invalid {
        assertEquals(Manifest.empty(), Manifest.parse(Manifest.empty().toJson()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[]",
        "{\"files\": []}",
        "{\"format_version\": 2, \"files\": []}",
        "{\"format_version\": 1}",
        "{\"format_version\": 1, \"files\": [{\"path\": \"/etc/passwd\", \"kind\": \"symlink\", \"target\": \"x\"}]}",
        "{\"format_version\": 1, \"files\": [{\"path\": \"a/../../b\", \"kind\": \"symlink\", \"target\": \"x\"}]}",
        "{\"format_version\": 1, \"files\": [{\"path\": \"a\", \"kind\": \"fifo\"}]}",
        "{\"format_version\": 1, \"files\": [7]}",
        "{\"format_version\": 1, \"files\": [{\"path\": \"a\", \"kind\": \"file\", \"mode\": \"0644\", \"sha256\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}]}",
        "{\"format_version\": 1.5, \"files\": []}",
        "{\"format_version\": 1, \"files\": [], ",
        "{\"format_version\": 1, \"files\": [{\"path\": \"a\", \"kind\": \"file\", \"mode\": \"644\", \"sha256\": \"00\"}]}",
        "{\"format_version\": 1, \"files\": [{\"path\": \"a\", \"kind\": \"symlink\", \"target\": \"x\"},"
                + " {\"path\": \"a\", \"kind\": \"symlink\", \"target\": \"y\"}]}",
    })
    void refusesWhatBerthWouldNotHaveWritten(String json) {
        assertThrows(Manifest.Invalid.class, () -> Manifest.parse(json));
    }
}
