package dev.berth.status;

import static dev.berth.testing.Installs.config;
import static dev.berth.testing.Installs.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.apply.Applier;
import dev.berth.apply.Generations;
import dev.berth.apply.LocalRootFileSystem;
import dev.berth.load.Source;
import dev.berth.plan.FileState;
import dev.berth.plan.Observation;
import dev.berth.plan.RootReader;
import dev.berth.plan.Stamp;
import dev.berth.plan.Target;
import dev.berth.testing.Installs;
import dev.berth.testing.RecordingHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What status reads of a root to tell its generations: the record, once, and nothing the generations keep. */
class StatusReaderTest {
    @TempDir
    Path dir;

    /** Every path asked about, however it was asked. */
    static final class Watched implements RootReader {
        final LocalRootFileSystem real;
        final List<String> asked = new ArrayList<>();

        Watched(Path root) {
            real = new LocalRootFileSystem(root);
        }

        @Override
        public Observation look(String path) throws IOException {
            asked.add(path);
            return real.look(path);
        }

        @Override
        public Observation look(String path, FileState.Regular expected) throws IOException {
            asked.add(path);
            return real.look(path, expected);
        }

        @Override
        public Optional<Stamp> stamp(String path) throws IOException {
            asked.add(path);
            return real.stamp(path);
        }

        @Override
        public Stamp[] stamps(List<String> paths) throws IOException {
            asked.addAll(paths);
            return real.stamps(paths);
        }

        @Override
        public Optional<String> readText(String path, int maxBytes) throws IOException {
            asked.add(path);
            return real.readText(path, maxBytes);
        }

        @Override
        public Optional<byte[]> readBytes(String path, int maxBytes) throws IOException {
            asked.add(path);
            return real.readBytes(path, maxBytes);
        }

        @Override
        public List<String> list(String directory) throws IOException {
            asked.add(directory);
            return real.list(directory);
        }

        @Override
        public <T> T session(Supplier<T> work) {
            return real.session(work);
        }
    }

    @Test
    void theRecordIsReadOnceAndNothingTheGenerationsKeep() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        String last = null;
        for (int port : new int[] {2201, 2202, 2203}) {
            last = config(container("alpha", port));
            Target target = Installs.offline(root);
            RecordingHost host = new RecordingHost();
            assertTrue(Berth.apply(Installs.plan(target, last), (LocalRootFileSystem) target.files(), host, host,
                    Applier.Progress.NONE).ok());
        }
        assertTrue(Files.isDirectory(root.resolve(Generations.DIR + "/3")), "the last generation keeps what it replaced");
        Source source = new Source("berth.yaml", last);
        Watched files = new Watched(root);

        HostStatus status = Berth.status(source, Berth.validate(source).value().orElseThrow(), Target.offline(root, files));

        assertEquals(List.of(1, 2, 3), status.generations().kept().stream().map(Generations.Generation::number).toList());
        assertEquals(1, files.asked.stream().filter(Generations.RECORD::equals).count(), files.asked.toString());
        assertTrue(files.asked.stream().noneMatch(p -> p.equals(Generations.DIR) || p.startsWith(Generations.DIR + "/")), files.asked.toString());
    }
}
