package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testing.Cases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code berth validate} with several files and quoted glob patterns, as a pre-commit hook passes them. */
class ValidateGlobTest {
    private static final String VALID = dev.berth.testing.Installs.read(Cases.EXAMPLES.resolve("book-ssh-container.yaml"));

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<String> validLines(Cli run) {
        return run.out().lines().map(l -> l.replaceFirst(": valid$", "")).toList();
    }

    @Test
    void aPatternRelativeToTheCurrentDirectory() throws IOException {
        Cli run = Cli.run("validate", "examples/*.yaml");

        assertEquals(0, run.status(), run.toString());
        List<String> examples;
        try (Stream<Path> files = Files.list(Cases.EXAMPLES)) {
            examples = files.map(p -> "examples/" + p.getFileName()).filter(p -> p.endsWith(".yaml")).sorted().toList();
        }
        assertEquals(examples, validLines(run));
    }

    @Test
    void starStaysInADirectoryAndDoubleStarCrossesThem() throws IOException {
        Path a = write("hosts/a.yaml", VALID);
        Path b = write("hosts/web/b.yaml", VALID);
        Path c = write("hosts/web/deep/c.yaml", VALID);
        write("hosts/notes.txt", "not yaml");
        write("hosts/.hidden/d.yaml", "not even valid");

        assertEquals(List.of(a.toString()), validLines(Cli.run("validate", dir + "/hosts/*.yaml")));
        assertEquals(List.of(a.toString(), b.toString(), c.toString()),
                validLines(Cli.run("validate", dir + "/hosts/**/*.yaml")), "**/ also matches no directory at all");
        assertEquals(List.of(b.toString()), validLines(Cli.run("validate", dir + "/hosts/*/b.yaml")));
        assertEquals(List.of(a.toString(), b.toString()), validLines(Cli.run("validate", dir + "/hosts/{a,web/b}.yaml")));
    }

    @Test
    void filesAndPatternsTogetherEachFileOnce() throws IOException {
        Path a = write("a.yaml", VALID);
        Path b = write("b.yaml", VALID);

        Cli run = Cli.run("validate", b.toString(), dir + "/*.yaml");

        assertEquals(0, run.status(), run.toString());
        assertEquals(List.of(b.toString(), a.toString()), validLines(run));
    }

    @Test
    void aPatternThatMatchesNothingIsAnError() throws IOException {
        write("a.yaml", VALID);

        Cli run = Cli.run("validate", dir + "/*.yaml", dir + "/*.yml");

        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("error[Y006]: no file matches '" + dir + "/*.yml'"), run.err());
        assertEquals(List.of(dir.resolve("a.yaml").toString()), validLines(run), "the other files are still checked");

        JsonNode json = JsonMapper.shared().readTree(Cli.run("validate", "--format", "json", dir + "/nope/*.yaml").out());
        assertEquals("Y006", json.get("diagnostics").get(0).get("code").stringValue());
    }

    @Test
    void aFileWhoseNameLooksLikeAPatternIsTakenAsWritten() throws IOException {
        Path odd = write("[prod].yaml", VALID);

        Cli run = Cli.run("validate", odd.toString());

        assertEquals(0, run.status(), run.toString());
        assertEquals(List.of(odd.toString()), validLines(run));
    }
}
