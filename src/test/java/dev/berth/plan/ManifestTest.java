package dev.berth.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testing.Installs;
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
        "{\"format_version\": 1, \"files\": [{\"path\": \"a\", \"kind\": \"file\", \"mode\": \"644\", \"sha256\": \"00\"}]}",
        "{\"format_version\": 1, \"files\": [{\"path\": \"a\", \"kind\": \"symlink\", \"target\": \"x\"},"
                + " {\"path\": \"a\", \"kind\": \"symlink\", \"target\": \"y\"}]}",
    })
    void refusesWhatBerthWouldNotHaveWritten(String json) {
        assertThrows(Manifest.Invalid.class, () -> Manifest.parse(json));
    }
}
