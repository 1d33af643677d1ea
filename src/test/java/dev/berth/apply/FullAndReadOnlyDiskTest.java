package dev.berth.apply;

import static dev.berth.testing.Installs.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.cli.Cli;
import dev.berth.plan.Manifest;
import dev.berth.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root that runs out of space, or that is read-only: apply reports a diagnostic (no stack trace),
 * exits 1, and leaves a consistent state that a later run on a healthy root completes. Needs root
 * (to mount a small tmpfs); skipped with a message elsewhere.
 */
class FullAndReadOnlyDiskTest {
    @TempDir
    Path tmp;

    private Path mounted;

    private static String config(int containers) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < containers; i++) {
            list.add(container("c" + i, 10000 + i));
        }
        return dev.berth.testing.Installs.config(list.toArray(String[]::new));
    }

    private Path mountTmpfs(String options) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mnt"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "berth-test", dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        boolean ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        assumeTrue(ok, "cannot mount a tmpfs here (needs root): " + output.strip());
        mounted = dir;
        return dir;
    }

    private static void command(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", argv));
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            command("umount", mounted.toString());
        }
    }

    @Test
    void fullDiskIsADiagnosticAndTheStateStaysConsistent() throws Exception {
        Path root = mountTmpfs("size=64k,nr_inodes=400");
        Path file = tmp.resolve("berth.yaml");
        Files.writeString(file, config(60));

        Cli apply = Cli.run("apply", file.toString(), "--root", root.toString());

        assertEquals(1, apply.status(), apply.out() + apply.err());
        assertTrue(apply.err().contains("error[A"), apply.err());
        assertTrue(apply.err().toLowerCase().contains("space") || apply.err().contains("quota"), apply.err());
        assertFalse((apply.out() + apply.err()).contains("\tat "), "no stack trace");
        if (Files.exists(root.resolve(Manifest.PATH))) {
            Manifest manifest = Trees.manifest(root);
            for (String path : Trees.files(root)) {
                assertTrue(path.startsWith("var/lib/berth/") || path.contains("/.berth-") || manifest.owns(path),
                        path + " is on disk but not in the manifest");
            }
        }
    }

    @Test
    void readOnlyRootIsADiagnosticAndNothingChanges() throws Exception {
        Path root = mountTmpfs("size=1m");
        command("mount", "-o", "remount,ro", root.toString());
        Path file = tmp.resolve("berth.yaml");
        Files.writeString(file, config(2));

        Cli apply = Cli.run("apply", file.toString(), "--root", root.toString());

        assertEquals(1, apply.status(), apply.out() + apply.err());
        assertTrue(apply.err().contains("error[A"), apply.err());
        assertFalse((apply.out() + apply.err()).contains("\tat "), "no stack trace");
        assertEquals(List.of(), listing(root));
    }

    private static List<String> listing(Path root) throws IOException {
        try (var s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
