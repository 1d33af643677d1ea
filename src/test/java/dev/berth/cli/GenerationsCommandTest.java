package dev.berth.cli;

import static dev.berth.testing.Installs.config;
import static dev.berth.testing.Installs.container;
import static dev.berth.testing.Installs.read;
import static dev.berth.testing.Installs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.apply.Applier;
import dev.berth.apply.Generations;
import dev.berth.apply.RootFileSystem;
import dev.berth.plan.Target;
import dev.berth.testing.RecordingHost;
import dev.berth.testing.Installs;
import dev.berth.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each apply that changes files is a generation; rollback returns to one as a plan and an apply of its own. */
class GenerationsCommandTest {
    private static final String V1 = config(container("alpha", 2201));
    private static final String V2 = config(container("alpha", 2299));

    @TempDir
    Path dir;

    /** The installed files, by path: what berth's own bookkeeping does not hold. */
    private static Map<String, String> installed(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String path : Trees.files(root)) {
            if (!path.startsWith("var/lib/berth/")) {
                Path file = root.resolve(path);
                files.put(path, Files.isSymbolicLink(file) ? "-> " + Files.readSymbolicLink(file) : read(file));
            }
        }
        return files;
    }

    private Cli apply(String yaml, Path root) {
        Path file = dir.resolve("berth.yaml");
        write(file, yaml);
        return Cli.run("apply", file.toString(), "--root", root.toString());
    }

    @Test
    void rollbackReturnsToThePreviousGenerationAndCanBeRolledBack() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        assertEquals(0, apply(V1, root).status());
        Map<String, String> v1 = installed(root);
        assertEquals(0, apply(V2, root).status());
        Map<String, String> v2 = installed(root);
        assertNotEquals(v1, v2);

        Cli back = Cli.run("rollback", "--root", root.toString());
        assertEquals(0, back.status(), back.toString());
        assertTrue(back.out().contains("Plan: 0 to add, 2 to change, 0 to destroy."), back.out());
        assertEquals(v1, installed(root));
        Cli plan = Cli.run("plan", dir.resolve("berth.yaml").toString(), "--root", root.toString());
        assertTrue(plan.out().contains("to change"), "the config still says v2:\n" + plan.out());

        Cli again = Cli.run("rollback", "--root", root.toString(), "--detailed-exitcode");
        assertEquals(2, again.status(), again.toString());
        assertEquals(v2, installed(root));

        Cli list = Cli.run("generations", "--root", root.toString());
        assertEquals(0, list.status(), list.toString());
        List<String> lines = list.out().lines().toList();
        assertEquals(5, lines.size(), list.out());
        assertTrue(lines.get(0).startsWith("generation  time"), list.out());
        assertTrue(lines.get(4).startsWith("4 (now)"), list.out());
        JsonNode json = JsonMapper.builder().build().readTree(
                Cli.run("generations", "--root", root.toString(), "--format", "json").out());
        assertEquals(4, json.get("generations").size());
        assertEquals(2, json.get("generations").get(2).get("summary").get("change").intValue());
        assertTrue(json.get("generations").get(3).get("current").booleanValue());
    }

    @Test
    void aGenerationNotKeptIsRefusedAndNothingChanges() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Cli none = Cli.run("rollback", "--root", root.toString());
        assertEquals(1, none.status(), none.toString());
        assertTrue(none.err().contains("A016"), none.err());
        assertEquals(0, apply(V1, root).status());
        Map<String, String> v1 = installed(root);
        Cli missing = Cli.run("rollback", "7", "--root", root.toString());
        assertEquals(1, missing.status(), missing.toString());
        assertTrue(missing.err().contains("generation 7 is not kept (kept: 1)"), missing.err());
        assertEquals(v1, installed(root));
    }

    @Test
    void aGenerationLeftPendingByAnApplyCutOffIsCompletedByTheNextOne() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        assertEquals(0, apply(V1, root).status());
        Path record = root.resolve(Generations.RECORD);
        // as an apply killed after its last file and before its record leaves it
        write(record, read(record).replace("\"complete\": true", "\"complete\": false"));
        assertEquals("No generations under " + root + ": no apply has changed it since berth keeps them.\n",
                Cli.run("generations", "--root", root.toString()).out());

        Cli again = apply(V1, root);
        assertEquals(0, again.status(), again.toString());
        assertTrue(again.out().contains("No changes."), again.out());
        assertTrue(Cli.run("generations", "--root", root.toString()).out().contains("\n1 (now)"));
    }

    @Test
    void keepGenerationsSaysHowManyAreKept() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path file = dir.resolve("berth.yaml");
        for (int port = 2201; port <= 2203; port++) {
            write(file, config(container("alpha", port)));
            Cli apply = Cli.run("apply", file.toString(), "--root", root.toString(), "--keep-generations", "2");
            assertEquals(0, apply.status(), apply.toString());
        }
        List<String> lines = Cli.run("generations", "--root", root.toString()).out().lines().toList();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("2 ") && lines.get(2).startsWith("3 (now)"), String.join("\n", lines));

        Cli none = Cli.run("apply", file.toString(), "--root", root.toString(), "--keep-generations", "0");
        assertEquals(1, none.status(), none.toString());
        assertTrue(none.err().contains("--keep-generations must be at least 1 (the generation being made), not 0"), none.err());
    }

    @Test
    void aDamagedRecordStopsApplyBeforeAnyFileChanges() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        assertEquals(0, apply(V1, root).status());
        Map<String, String> v1 = installed(root);
        write(root.resolve(Generations.RECORD), "{\"format_version\": 1}\n");

        Cli v2 = apply(V2, root);
        assertEquals(1, v2.status(), v2.toString());
        assertTrue(v2.err().contains("A009"), v2.err());
        assertTrue(v2.err().contains(Generations.RECORD + " is not as berth writes it: generations is missing"), v2.err());
        assertEquals(v1, installed(root));
    }

    @Test
    void onlyTheLastGenerationsAreKept() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        for (int port = 2201; port <= 2204; port++) {
            applyKeeping(root, config(container("alpha", port)), Generations.KEEP_DEFAULT);
        }
        assertEquals(List.of(1, 2, 3, 4), numbers(root));
        applyKeeping(root, config(container("alpha", 2205)), 2);
        assertEquals(List.of(4, 5), numbers(root));
        assertTrue(Trees.files(root).stream().filter(p -> p.startsWith(Generations.DIR + "/"))
                .allMatch(p -> p.startsWith(Generations.DIR + "/4/") || p.startsWith(Generations.DIR + "/5/")), "kept contents of 1 to 3 removed");
        Trees.assertGenerationsAsRecorded(root, "the directories of 1 to 3 removed");
    }

    private static void applyKeeping(Path root, String yaml, int keep) {
        Target target = Installs.offline(root);
        RecordingHost host = new RecordingHost();
        assertTrue(Berth.apply(Installs.plan(target, yaml), (RootFileSystem) target.files(), host, host,
                Applier.Progress.NONE, keep).ok());
    }

    private static List<Integer> numbers(Path root) throws IOException {
        return Generations.list(Installs.offline(root).files()).stream().map(Generations.Generation::number).toList();
    }
}
