package dev.berth.apply;

import static dev.berth.testing.Installs.BOTH;
import static dev.berth.testing.Installs.config;
import static dev.berth.testing.Installs.container;
import static dev.berth.testing.Installs.desired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.plan.Desired;
import dev.berth.plan.FileState;
import dev.berth.plan.Manifest;
import dev.berth.plan.Observation;
import dev.berth.plan.Plan;
import dev.berth.plan.PlanOptions;
import dev.berth.plan.Target;
import dev.berth.testing.RecordingHost;
import dev.berth.testing.Trees;
import dev.berth.tree.FileNode;
import dev.berth.tree.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apply interrupted at every step of every file operation in turn: before each operation (the port
 * decorator) and between the steps inside one (temp file created, written, fsynced, renamed, directory
 * fsynced). After each interruption every file must be old or new, never partial, the manifest must list
 * every file berth may have written, and a plain re-run must converge to the planned tree.
 */
class FaultInjectionTest {
    /** The old config: two containers. The new one changes alpha, removes beta and adds gamma. */
    private static final String OLD = BOTH;
    private static final String NEW = config(container("alpha", 2201, "5"), container("gamma", 2203));

    @TempDir
    Path tmp;

    /**
     * Where the roots go: a RAM file system when there is one, because this test makes thousands of renames
     * and a disk's metadata journal makes each cost a millisecond. The roots are removed at the end either way.
     */
    private Path scratch() throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return Files.createTempDirectory(shm, "berth-faults-");
        }
        return tmp;
    }

    /** What a crash looks like to apply: the operation fails, and nothing after it runs. */
    static final class InjectedFault extends IOException {
        private static final long serialVersionUID = 1L;

        InjectedFault(String where) {
            super("injected fault at " + where);
        }
    }

    /** Counts steps across the decorator and the checkpoints; throws at the chosen one. */
    static final class Faults implements Checkpoint {
        private final int failAt;
        private int steps;
        private String firedAt;

        Faults(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public void reached(String step) throws IOException {
            if (++steps == failAt) {
                firedAt = step;
                throw new InjectedFault(step);
            }
        }
    }

    /** The port decorator: an interruption before each whole operation. */
    static final class FailingFileSystem implements RootFileSystem {
        private final RootFileSystem real;
        private final Faults faults;

        FailingFileSystem(RootFileSystem real, Faults faults) {
            this.real = real;
            this.faults = faults;
        }

        @Override
        public Observation look(String path) throws IOException {
            return real.look(path);
        }

        @Override
        public Optional<String> readText(String path, int maxBytes) throws IOException {
            return real.readText(path, maxBytes);
        }

        @Override
        public List<String> list(String directory) throws IOException {
            return real.list(directory);
        }

        @Override
        public void writeFile(String path, byte[] content, int mode) throws IOException {
            faults.reached("before writing " + path);
            real.writeFile(path, content, mode);
        }

        @Override
        public List<Staging> stage(List<FileWrite> writes) {
            return real.stage(writes); // interrupted inside, at each step of each file
        }

        @Override
        public void install(Staged staged) throws IOException {
            faults.reached("before installing " + staged.path());
            real.install(staged);
        }

        @Override
        public void discard(Staged staged) {
            real.discard(staged);
        }

        @Override
        public void writeSymlink(String path, String target) throws IOException {
            faults.reached("before linking " + path);
            real.writeSymlink(path, target);
        }

        @Override
        public void delete(String path) throws IOException {
            faults.reached("before removing " + path);
            real.delete(path);
        }

        @Override
        public void deleteDirectory(String path) throws IOException {
            faults.reached("before removing directory " + path);
            real.deleteDirectory(path);
        }

        @Override
        public RootLock lock() throws IOException {
            return real.lock();
        }

        @Override
        public void sync() throws IOException {
            real.sync();
        }

        @Override
        public <T> T session(java.util.function.Supplier<T> work) {
            return real.session(work); // interrupted the way the real program runs: walking with kept directories
        }
    }

    @Test
    void everyInterruptionLeavesEachFileOldOrNewAndARerunConverges() throws IOException {
        Desired before = desired(OLD); // compiled once: compiling is most of an iteration's time otherwise
        Desired after = desired(NEW);
        FileTree oldTree = before.tree();
        FileTree newTree = after.tree();
        Set<String> paths = new TreeSet<>(oldTree.entries().keySet());
        paths.addAll(newTree.entries().keySet());

        Path scratch = scratch();
        try {
            interruptEverywhere(scratch, before, after, paths);
        } finally {
            if (!scratch.equals(tmp)) {
                Trees.deleteRecursively(scratch);
            }
        }
    }

    private void interruptEverywhere(Path scratch, Desired before, Desired after, Set<String> paths) throws IOException {
        FileTree oldTree = before.tree();
        FileTree newTree = after.tree();
        int interruptions = 0;
        long started = System.nanoTime();
        for (int failAt = 1; ; failAt++) {
            Path root = Files.createDirectories(scratch.resolve("run-" + failAt));
            LocalRootFileSystem disk = new LocalRootFileSystem(root, Checkpoint.NONE, false);
            assertTrue(new Applier(disk, Systemctl.NONE, new RecordingHost(), Applier.Progress.NONE)
                    .apply(Berth.plan(before, Target.offline(root, disk), PlanOptions.DEFAULT)).ok());
            Faults faults = new Faults(failAt);
            RootFileSystem files = new FailingFileSystem(new LocalRootFileSystem(root, faults, false), faults);
            Plan plan = Berth.plan(after, Target.offline(root, files), PlanOptions.DEFAULT);
            Outcome outcome = new Applier(files, Systemctl.NONE, new RecordingHost(), Applier.Progress.NONE).apply(plan);
            if (faults.firedAt == null) {
                assertTrue(outcome.ok());
                break; // more steps than this run has: every one was interrupted once
            }
            interruptions++;
            assertFalse(outcome.ok(), "interrupted at " + faults.firedAt);
            String where = "interrupted at step " + failAt + " (" + faults.firedAt + "): ";

            Manifest manifest = Trees.manifest(root);
            for (String path : paths) {
                Observation seen = disk.look(path);
                boolean old = matches(seen, oldTree.entries().get(path));
                boolean fresh = matches(seen, newTree.entries().get(path));
                assertTrue(old || fresh, where + path + " is neither old nor new: " + seen);
                if (seen instanceof Observation.Present) {
                    assertTrue(manifest.owns(path), where + path + " is on disk but not in the manifest");
                }
            }

            Plan rerun = Berth.plan(after, Target.offline(root, disk), PlanOptions.DEFAULT);
            assertFalse(rerun.hasErrors(), where + rerun.diagnostics());
            assertTrue(new Applier(disk, Systemctl.NONE, new RecordingHost(), Applier.Progress.NONE).apply(rerun).ok(), where);
            Trees.assertInstalled(root, newTree);
            Trees.assertManifest(root, newTree, where + "the manifest matches the disk");
            assertFalse(Berth.plan(after, Target.offline(root, disk), PlanOptions.DEFAULT).hasChanges(), where);
        }
        System.out.println("FaultInjectionTest: " + interruptions + " interruption points in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        assertTrue(interruptions > 50, "only " + interruptions + " interruption points: the test lost its reach");
    }

    /**
     * The same interruptions of an apply that is a generation: besides each file being old or new, the generations'
     * record reads, whatever it keeps is whole, and after the re-run the last generation is the new tree and the one
     * before it can be returned to, byte for byte.
     */
    @Test
    void everyInterruptionKeepsTheGenerationsConsistent() throws Exception {
        Desired before = desired(OLD);
        Desired after = desired(NEW);
        Path scratch = scratch();
        try {
            int interruptions = 0;
            for (int failAt = 1; ; failAt++) {
                Path root = Files.createDirectories(scratch.resolve("generations-" + failAt));
                LocalRootFileSystem disk = new LocalRootFileSystem(root, Checkpoint.NONE, false);
                assertTrue(Berth.apply(Berth.plan(before, Target.offline(root, disk), PlanOptions.DEFAULT), disk,
                        Systemctl.NONE, new RecordingHost(), Applier.Progress.NONE).ok());
                Faults faults = new Faults(failAt);
                RootFileSystem files = new FailingFileSystem(new LocalRootFileSystem(root, faults, false), faults);
                Outcome outcome = Berth.apply(Berth.plan(after, Target.offline(root, files), PlanOptions.DEFAULT), files,
                        Systemctl.NONE, new RecordingHost(), Applier.Progress.NONE);
                if (faults.firedAt == null) {
                    assertTrue(outcome.ok());
                    break;
                }
                interruptions++;
                String where = "interrupted at step " + failAt + " (" + faults.firedAt + "): ";
                List<Generations.Generation> recorded = Generations.list(disk);
                assertTrue(recorded.get(0).complete(), where + "the first generation stays recorded");
                assertKeptWhole(root, recorded, where);

                assertTrue(Berth.apply(Berth.plan(after, Target.offline(root, disk), PlanOptions.DEFAULT), disk,
                        Systemctl.NONE, new RecordingHost(), Applier.Progress.NONE).ok(), where);
                Trees.assertGenerationsAsRecorded(root, where);
                List<Generations.Generation> complete = Generations.complete(disk);
                assertEquals(List.of(1, 2), complete.stream().map(Generations.Generation::number).toList(), where);
                assertEquals(Trees.manifest(root).files(), complete.get(1).manifest().files(), where);
                FileTree back = GenerationTree.of(disk, Optional.empty()).tree();
                assertEquals(before.tree().entries().keySet(), back.entries().keySet(), where);
                before.tree().entries().forEach((path, node) -> assertEquals(
                        node instanceof FileNode.RegularFile f ? f.content() + f.mode() : ((FileNode.Symlink) node).target(),
                        back.entries().get(path) instanceof FileNode.RegularFile f ? f.content() + f.mode()
                                : ((FileNode.Symlink) back.entries().get(path)).target(), where + path));
            }
            assertTrue(interruptions > 50, "only " + interruptions + " interruption points: the test lost its reach");
        } finally {
            if (!scratch.equals(tmp)) {
                Trees.deleteRecursively(scratch);
            }
        }
    }

    /**
     * The same interruptions of an apply that forgets a generation (one is kept): cut off anywhere, also between
     * removing a forgotten generation's contents and its directory, the record reads, what it lists is whole, and the
     * re-run, which changes no file when the cut came after the record, leaves only what the record lists.
     */
    @Test
    void everyInterruptionOfForgettingAGenerationIsCleanedUpByTheNextApply() throws Exception {
        Desired before = desired(OLD);
        Desired middle = desired(config(container("alpha", 2201, "4"), container("beta", 2202, "4")));
        Desired after = desired(NEW);
        Path scratch = scratch();
        try {
            int interruptions = 0;
            boolean directoryRemovalCut = false;
            for (int failAt = 1; ; failAt++) {
                Path root = Files.createDirectories(scratch.resolve("forget-" + failAt));
                LocalRootFileSystem disk = new LocalRootFileSystem(root, Checkpoint.NONE, false);
                for (Desired earlier : List.of(before, middle)) {
                    assertTrue(Berth.apply(Berth.plan(earlier, Target.offline(root, disk), PlanOptions.DEFAULT), disk,
                            Systemctl.NONE, new RecordingHost(), Applier.Progress.NONE).ok());
                }
                Faults faults = new Faults(failAt);
                RootFileSystem files = new FailingFileSystem(new LocalRootFileSystem(root, faults, false), faults);
                Outcome outcome = Berth.apply(Berth.plan(after, Target.offline(root, files), PlanOptions.DEFAULT), files,
                        Systemctl.NONE, new RecordingHost(), Applier.Progress.NONE, 1);
                if (faults.firedAt == null) {
                    assertTrue(outcome.ok());
                    Trees.assertGenerationsAsRecorded(root, "uninterrupted");
                    break;
                }
                interruptions++;
                directoryRemovalCut |= faults.firedAt.startsWith("before removing directory " + Generations.DIR + "/2");
                String where = "interrupted at step " + failAt + " (" + faults.firedAt + "): ";
                assertKeptWhole(root, Generations.list(disk), where);

                assertTrue(Berth.apply(Berth.plan(after, Target.offline(root, disk), PlanOptions.DEFAULT), disk,
                        Systemctl.NONE, new RecordingHost(), Applier.Progress.NONE, 1).ok(), where);
                Trees.assertInstalled(root, after.tree());
                assertEquals(List.of(3), Generations.list(disk).stream().map(Generations.Generation::number).toList(), where);
                Trees.assertGenerationsAsRecorded(root, where);
            }
            assertTrue(directoryRemovalCut, "no interruption between removing generation 2's contents and its directory");
            assertTrue(interruptions > 50, "only " + interruptions + " interruption points: the test lost its reach");
        } finally {
            if (!scratch.equals(tmp)) {
                Trees.deleteRecursively(scratch);
            }
        }
    }

    /** Every content the record lists is on disk, whole. */
    private static void assertKeptWhole(Path root, List<Generations.Generation> recorded, String where) throws IOException {
        for (Generations.Generation g : recorded) {
            for (String sha : g.kept()) {
                Path kept = root.resolve(Generations.kept(g.number(), sha));
                assertTrue(Files.exists(kept), where + kept + " is recorded but missing");
                assertEquals(sha, FileState.Regular.of(Files.readString(kept), 0).sha256(), where + kept + " is partial");
            }
        }
    }

    /** Whether the disk holds the tree's entry, or nothing where the tree has none. */
    private static boolean matches(Observation seen, FileNode node) {
        if (node == null) {
            return seen instanceof Observation.Absent;
        }
        FileState want = node instanceof FileNode.RegularFile f ? FileState.Regular.of(f.content(), f.mode())
                : new FileState.Link(((FileNode.Symlink) node).target());
        return seen instanceof Observation.Present p && p.state().sameAs(want);
    }
}
