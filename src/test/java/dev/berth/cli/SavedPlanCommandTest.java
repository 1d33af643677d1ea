package dev.berth.cli;

import static dev.berth.testing.Installs.ALPHA;
import static dev.berth.testing.Installs.BOTH;
import static dev.berth.testing.Installs.config;
import static dev.berth.testing.Installs.desired;
import static dev.berth.testing.Installs.read;
import static dev.berth.testing.Installs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.plan.FileState;
import dev.berth.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** berth plan -o, berth show and berth apply PLANFILE: the saved plan is applied as it was shown, or not at all. */
class SavedPlanCommandTest {
    @TempDir
    Path dir;

    private Path root(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private Path configFile(String yaml) {
        Path file = dir.resolve("berth.yaml");
        write(file, yaml);
        return file;
    }

    private Path savePlan(Path config, Path root, String name) {
        Path planFile = dir.resolve(name);
        Cli plan = Cli.run("plan", config.toString(), "--root", root.toString(), "-o", planFile.toString());
        assertEquals(0, plan.status(), plan.toString());
        assertTrue(plan.err().contains("plan saved in " + planFile), plan.err());
        return planFile;
    }

    /** Every file and link below the root, by path: bytes as text, links as their target. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                if (Files.isSymbolicLink(p)) {
                    all.put(root.relativize(p).toString(), "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    all.put(root.relativize(p).toString(), read(p));
                }
            }
        }
        return all;
    }

    @Test
    void aSavedPlanIsShownAsPlanShowedItAndAppliedWithoutTheConfig() throws IOException {
        Path root = root("root");
        Path config = configFile(BOTH);
        Cli shown = Cli.run("plan", config.toString(), "--root", root.toString());
        Path planFile = savePlan(config, root, "both.plan");
        Files.delete(config); // apply needs only the plan

        Cli show = Cli.run("show", planFile.toString());
        assertEquals(0, show.status(), show.toString());
        assertEquals(shown.out(), show.out());
        JsonNode json = JsonMapper.builder().build().readTree(Cli.run("show", planFile.toString(), "--format", "json").out());
        assertEquals(15, json.get("changes").size());

        Cli apply = Cli.run("apply", planFile.toString(), "--root", root.toString());
        assertEquals(0, apply.status(), apply.toString());
        assertTrue(apply.out().contains("Apply complete: 15 added, 0 changed, 0 destroyed"), apply.out());
        Trees.assertInstalled(root, desired(BOTH).tree());
        assertTrue(Trees.manifest(root).config().isPresent(), "the manifest records the config the plan installs");
    }

    @Test
    void aPlanWhoseFileWasEditedSinceIsRefusedNamingItAndNothingChanges() throws IOException {
        Path root = root("root");
        Path config = configFile(BOTH);
        assertEquals(0, Cli.run("apply", config.toString(), "--root", root.toString()).status());
        Path planFile = savePlan(configFile(config(ALPHA)), root, "alpha.plan");
        String edited = Trees.manifest(root).files().entrySet().stream()
                .filter(e -> e.getKey().contains("alpha") && e.getValue() instanceof FileState.Regular)
                .findFirst().orElseThrow().getKey();
        write(root.resolve(edited), "# edited by hand\n");
        Map<String, String> before = snapshot(root);

        Cli apply = Cli.run("apply", planFile.toString(), "--root", root.toString());
        assertEquals(1, apply.status(), apply.toString());
        assertTrue(apply.err().contains("A010"), apply.err());
        assertTrue(apply.err().contains(edited + " changed since the plan was made"), apply.err());
        assertTrue(apply.err().contains("nothing was changed under " + root), apply.err());
        assertEquals(before, snapshot(root));
    }

    @Test
    void aPlanForAnotherRootIsRefusedNamingBoth() throws IOException {
        Path planned = root("planned");
        Path other = root("other");
        Path planFile = savePlan(configFile(BOTH), planned, "both.plan");

        Cli apply = Cli.run("apply", planFile.toString(), "--root", other.toString());
        assertEquals(1, apply.status(), apply.toString());
        assertTrue(apply.err().contains("A015"), apply.err());
        assertTrue(apply.err().contains("the plan was made for the root " + planned + ", not " + other), apply.err());
        assertEquals(Map.of(), snapshot(other));
    }

    @Test
    void aPlanOfAnotherBuildIsRefused() throws IOException {
        Path root = root("root");
        Path planFile = savePlan(configFile(BOTH), root, "both.plan");
        String text = read(planFile);
        write(planFile, text.replaceFirst("\"build\": \"[0-9a-f]+\"", "\"build\": \"0123456789abcdef\""));

        Cli apply = Cli.run("apply", planFile.toString(), "--root", root.toString());
        assertEquals(1, apply.status(), apply.toString());
        assertTrue(apply.err().contains("the plan was made by another build of berth (0123456789ab; this one is "), apply.err());
        assertEquals(Map.of(), snapshot(root));
    }

    @Test
    void optionsThatShapeAPlanAreRefusedWithASavedOne() throws IOException {
        Path root = root("root");
        Path planFile = savePlan(configFile(BOTH), root, "both.plan");
        Cli apply = Cli.run("apply", planFile.toString(), "--root", root.toString(), "--adopt");
        assertEquals(1, apply.status(), apply.toString());
        assertTrue(apply.err().contains("give them to berth plan -o; " + planFile + " is applied as it was saved"), apply.err());
        assertEquals(Map.of(), snapshot(root));
    }

    @Test
    void aFileThatIsNotASavedPlanIsReportedNotApplied() throws IOException {
        Path root = root("root");
        Path planFile = savePlan(configFile(BOTH), root, "both.plan");
        write(planFile, read(planFile).replace("\"format_version\": 1", "\"format_version\": 9"));

        Cli show = Cli.run("show", planFile.toString());
        assertEquals(1, show.status(), show.toString());
        assertTrue(show.err().contains("cannot use " + planFile + " as a saved plan: it is format_version 9, from a newer berth"),
                show.err());
        Cli apply = Cli.run("apply", planFile.toString(), "--root", root.toString());
        assertEquals(1, apply.status(), apply.toString());
        assertFalse(Files.exists(root.resolve("var")), "nothing written");
    }
}
