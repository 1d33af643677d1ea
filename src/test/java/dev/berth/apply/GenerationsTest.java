package dev.berth.apply;

import static dev.berth.testing.Installs.config;
import static dev.berth.testing.Installs.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.plan.Target;
import dev.berth.testing.Installs;
import dev.berth.testing.RecordingHost;
import dev.berth.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an apply leaves below var/lib/berth/generations: the kept generations' contents, and nothing else. */
class GenerationsTest {
    @TempDir
    Path dir;

    private static Outcome apply(Path root, int port, int keep) {
        Target target = Installs.offline(root);
        RecordingHost host = new RecordingHost();
        return Berth.apply(Installs.plan(target, config(container("alpha", port))), (RootFileSystem) target.files(), host,
                host, Applier.Progress.NONE, keep);
    }

    private static List<Integer> numbers(Path root) throws IOException {
        return Generations.list(new LocalRootFileSystem(root)).stream().map(Generations.Generation::number).toList();
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aGenerationNoLongerKeptLeavesNoDirectory() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        for (int port = 2201; port <= 2205; port++) {
            assertTrue(apply(root, port, 2).ok());
            Trees.assertGenerationsAsRecorded(root, "after the apply of port " + port);
        }
        assertEquals(List.of(4, 5), numbers(root));
        assertEquals(List.of("4", "5"), names(root.resolve(Generations.DIR)));

        assertTrue(apply(root, 2205, 1).ok(), "an apply that changes nothing is no generation and forgets none");
        assertEquals(List.of(4, 5), numbers(root));
        Trees.assertGenerationsAsRecorded(root, "after an apply that changed nothing");
    }

    @Test
    void theFirstGenerationReplacedNothingAndHasNoDirectory() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        assertTrue(apply(root, 2201, Generations.KEEP_DEFAULT).ok());
        assertEquals(List.of(1), numbers(root));
        assertFalse(Files.exists(root.resolve(Generations.DIR)), "nothing was kept, so nothing was made");
    }

    /** As an apply cut off while it removed them, or a record moved away, leaves them. */
    @Test
    void whatTheRecordDoesNotListIsRemovedByTheNextApplyEvenOneThatChangesNothing() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        assertTrue(apply(root, 2201, Generations.KEEP_DEFAULT).ok());
        assertTrue(apply(root, 2202, Generations.KEEP_DEFAULT).ok());
        Path generations = root.resolve(Generations.DIR);
        List<String> kept = names(generations.resolve("2"));
        Files.createDirectories(generations.resolve("1")); // emptied and not yet removed
        Files.writeString(Files.createDirectories(generations.resolve("7")).resolve("0".repeat(64)), "of a forgotten generation\n");
        Files.writeString(generations.resolve("2").resolve(".berth-x.tmp"), "left by a write cut off\n");
        Files.writeString(generations.resolve("README"), "not a generation's\n");
        Files.createDirectories(generations.resolve("02"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("1".repeat(64)), "not berth's\n");
        Files.createSymbolicLink(generations.resolve("9"), outside);

        assertTrue(apply(root, 2202, Generations.KEEP_DEFAULT).ok());

        assertEquals(List.of("02", "2", "9", "README"), names(generations), "what is no generation's directory stays");
        assertEquals(kept, names(generations.resolve("2")));
        assertEquals(List.of("1".repeat(64)), names(outside), "a link is not followed");
    }

    @Test
    void aDirectoryThatCannotBeRemovedFailsTheApplyAfterTheRecordAndSaysWhich() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        assertTrue(apply(root, 2201, Generations.KEEP_DEFAULT).ok());
        assertTrue(apply(root, 2202, Generations.KEEP_DEFAULT).ok());
        Files.createDirectories(root.resolve(Generations.DIR).resolve("2/made-by-hand"));

        Outcome outcome = apply(root, 2203, 1);

        assertFalse(outcome.ok());
        String message = outcome.failure().get().diagnostic().summary();
        assertTrue(message.startsWith("remove what " + Generations.DIR + " keeps of no recorded generation: "
                + Generations.DIR + "/2/made-by-hand: "), message); // then the system's reason, in its words
        assertTrue(message.endsWith(" (berth removes only the files it kept there)"), message);
        assertEquals(List.of(3), numbers(root), "the generation is recorded all the same");
    }
}
