package dev.berth.apply;

import static dev.berth.testing.Installs.config;
import static dev.berth.testing.Installs.container;
import static dev.berth.testing.Installs.desired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cli.Cli;
import dev.berth.plan.FileState;
import dev.berth.plan.Manifest;
import dev.berth.testing.Trees;
import dev.berth.tree.FileTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * berth apply, launched as a process and killed with SIGKILL at a random moment, then run again: the
 * re-run converges to the planned tree and the manifest matches the disk. A few kills in the default
 * run; {@code -Dberth.kills=N} for a longer one.
 */
class KillDuringApplyTest {
    private static final int CONTAINERS = 150;

    @TempDir
    Path tmp;

    private static String bigConfig(String bootArg) {
        List<String> containers = new ArrayList<>();
        for (int i = 0; i < CONTAINERS; i++) {
            containers.add(container("c" + i, 10000 + i, bootArg));
        }
        return config(containers.toArray(String[]::new));
    }

    @Test
    void killedApplyConvergesOnTheNextRun() throws Exception {
        int kills = Integer.getInteger("berth.kills", 3);
        Random random = new Random(Long.getLong("berth.kills.seed", 42));
        // a RAM file system when there is one: thousands of fsynced renames cost a millisecond each on disk
        Path shm = Path.of("/dev/shm");
        Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "berth-kill-") : tmp;
        Path root = Files.createDirectories(base.resolve("root"));
        try {
            killAndRerun(kills, random, root);
        } finally {
            if (base != tmp) {
                Trees.deleteRecursively(base);
            }
        }
    }

    private void killAndRerun(int kills, Random random, Path root) throws Exception {
        List<String> configs = List.of(bigConfig("3"), bigConfig("5"));
        int landed = 0;
        for (int i = 0; i < kills; i++) {
            String yaml = configs.get(i % 2);
            // desired() names its source berth.yaml: so does every config here, for identical headers
            Path file = Files.createDirectories(tmp.resolve("config-" + i)).resolve("berth.yaml");
            Files.writeString(file, yaml);
            Process apply = new ProcessBuilder(javaCommand("apply", file.toString(), "--root", root.toString()))
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("apply-" + i + ".log").toFile()).start();
            long delay = 300 + random.nextInt(900);
            boolean finished = apply.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                apply.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                apply.waitFor(30, TimeUnit.SECONDS);
            } else {
                landed++;
            }
            assertConsistentAfterCrash(root);

            Cli rerun = Cli.run("apply", file.toString(), "--root", root.toString());
            assertEquals(0, rerun.status(), "re-run after kill " + i + " (" + delay + " ms):\n" + rerun);
            FileTree tree = desired(yaml).tree();
            Trees.assertInstalled(root, tree);
            Trees.assertManifest(root, tree, "the manifest matches the disk after kill " + i);
            assertGenerationsConsistent(root);
            List<Generations.Generation> generations = Generations.complete(new LocalRootFileSystem(root));
            assertTrue(!generations.isEmpty(), "no generation recorded after kill " + i + ": "
                    + Generations.list(new LocalRootFileSystem(root)) + "\n" + rerun);
            assertEquals(Trees.manifest(root).files(), generations.get(generations.size() - 1).manifest().files(),
                    "the last generation is what the root holds after kill " + i);
            Cli plan = Cli.run("plan", file.toString(), "--root", root.toString(), "--detailed-exitcode");
            assertEquals(0, plan.status(), plan.toString());
            assertTrue(plan.out().contains("No changes."), plan.out());
        }
        System.out.println("kill-during-apply: " + kills + " runs, " + (kills - landed) + " killed mid-apply");
    }

    /**
     * The generations' record reads, and every content a recorded generation keeps is whole: named by its hash.
     * A generation whose apply was cut off is pending, never listed.
     */
    private static void assertGenerationsConsistent(Path root) throws Exception {
        if (!Files.exists(root.resolve(Generations.RECORD))) {
            return;
        }
        List<Generations.Generation> all = Generations.list(new LocalRootFileSystem(root));
        for (int i = 0; i < all.size(); i++) {
            Generations.Generation g = all.get(i);
            assertTrue(g.complete() || i == all.size() - 1, "only the last generation may be pending: " + g.number());
            for (String sha : g.kept()) {
                Path kept = root.resolve(Generations.kept(g.number(), sha));
                assertEquals(sha, FileState.Regular.of(Files.readString(kept), 0).sha256(), kept + " is partial");
            }
        }
    }

    /** After a kill, before any repair: every file berth owns is whole, and the manifest lists all it may have written. */
    private static void assertConsistentAfterCrash(Path root) throws Exception {
        assertGenerationsConsistent(root);
        if (!Files.exists(root.resolve(Manifest.PATH))) {
            return; // killed before the first manifest write: nothing of berth's is on disk yet
        }
        Manifest manifest = Trees.manifest(root);
        for (String path : Trees.files(root)) {
            if (path.startsWith("var/lib/berth/") || path.contains("/.berth-")) {
                continue;
            }
            assertTrue(manifest.owns(path), path + " is on disk but not in the manifest");
            Path file = root.resolve(path);
            if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && path.endsWith(".service")) {
                String text = Files.readString(file);
                assertTrue(text.startsWith("# Generated by berth") && text.endsWith("\n"), path + " is partial");
            }
        }
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.berth.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }
}
