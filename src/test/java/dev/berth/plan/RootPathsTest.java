package dev.berth.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RootPathsTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "etc/systemd/system/x.service", "...", ".a", "a..", "a/.b/c", "srv/c1/etc/os-release"})
    void normalizedRelativePathsAreValid(String path) {
        assertTrue(RootPaths.valid(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/etc", "etc/", "a//b", ".", "..", "./a", "a/.", "a/..", "a/../b", "../a", "a\0b"})
    void anythingElseIsNot(String path) {
        assertFalse(RootPaths.valid(path), path);
    }

    @Test
    void partsSplitAValidPathAndRefuseOthers() {
        assertEquals(List.of("etc", "systemd", "x.socket"), RootPaths.parts("etc/systemd/x.socket"));
        assertThrows(IllegalArgumentException.class, () -> RootPaths.parts("a/../b"));
    }
}
