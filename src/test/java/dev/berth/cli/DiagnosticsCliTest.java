package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.diag.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The output formats, --strict, and berth explain, through the real command line. */
class DiagnosticsCliTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WARNING_ONLY = """
            berth: 1
            containers:
              web:
                root: /srv/web
                mask: [ssh.service]
                ports: {ssh: {listen: 23}}
                services:
                  sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i]}
            """;
    private static final String INVALID = """
            berth: 1
            containers:
              web:
                root: /srv/web
                rooot: /srv/typo
            """;

    private static Path write(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void warningsPassUnlessStrict(@TempDir Path tmp) throws Exception {
        Path config = write(tmp, "berth.yaml", WARNING_ONLY);
        Cli lax = Cli.run("validate", config.toString());
        assertEquals(0, lax.status(), lax.err());
        assertTrue(lax.err().contains("warning[C001]"), lax.err());
        assertTrue(lax.out().contains(": valid"), lax.out());
        Cli strict = Cli.run("validate", "--strict", config.toString());
        assertEquals(1, strict.status(), strict.err());
        assertFalse(strict.out().contains(": valid"), strict.out());
        Path out = tmp.resolve("out");
        assertEquals(1, Cli.run("compile", "--strict", config.toString(), "-o", out.toString()).status());
        assertFalse(Files.exists(out), "--strict writes nothing when there are warnings");
        assertEquals(0, Cli.run("compile", config.toString(), "-o", out.toString()).status());
    }

    @Test
    void jsonOfSeveralFilesIsOneDocument(@TempDir Path tmp) throws Exception {
        Path a = write(tmp, "a.yaml", INVALID);
        Path b = write(tmp, "b.yaml", WARNING_ONLY);
        Cli r = Cli.run("validate", "--format", "json", a.toString(), b.toString(), tmp.resolve("missing.yaml").toString());
        assertEquals(1, r.status());
        assertEquals("", r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(2, doc.path("errors").asInt());
        assertEquals(1, doc.path("warnings").asInt());
        List<String> files = doc.path("diagnostics").valueStream().map(d -> Path.of(d.path("file").asString()).getFileName().toString()).toList();
        assertEquals(List.of("a.yaml", "b.yaml", "missing.yaml"), files);
    }

    @Test
    void sarifAndGithubGoToStdout(@TempDir Path tmp) throws Exception {
        Path config = write(tmp, "berth.yaml", INVALID);
        Cli sarif = Cli.run("validate", "--format", "sarif", config.toString());
        assertEquals(1, sarif.status());
        assertEquals("", sarif.err());
        JsonNode result = JSON.readTree(sarif.out()).path("runs").get(0).path("results").get(0);
        assertEquals("S002", result.path("ruleId").asString());
        assertEquals(5, result.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt());
        assertEquals("/containers/web/rooot", result.path("properties").path("path").asString());

        Cli github = Cli.run("validate", "--format", "github", config.toString());
        assertEquals(1, github.status());
        assertEquals("", github.err());
        assertEquals("::error file=" + config + ",line=5,col=5,endColumn=10,title=berth S002::unknown key 'rooot' (did you mean 'root'?)",
                github.out().strip());

        Cli clean = Cli.run("validate", "--format", "sarif", "examples/book-ssh-container.yaml");
        assertEquals(0, clean.status(), clean.err());
        assertEquals(0, JSON.readTree(clean.out()).path("runs").get(0).path("results").size());
    }

    @Test
    void explainPrintsTheEntry() {
        Cli r = Cli.run("explain", "s002");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("S002: unknown key\n"), r.out());
        assertTrue(r.out().contains("topic: schema"), r.out());
        assertTrue(r.out().contains("Bad:\n    containers:\n      web: {rooot: /srv/web}"), r.out());
        assertTrue(r.out().contains("Good:\n"), r.out());
    }

    @Test
    void explainAnUnknownCodeSuggestsOne() {
        Cli r = Cli.run("explain", "S02");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("unknown diagnostic code 'S02'; did you mean S002?"), r.err());
        assertTrue(r.err().contains("Known codes: Y001"), r.err());
        Cli far = Cli.run("explain", "hello");
        assertEquals(1, far.status());
        assertFalse(far.err().contains("did you mean"), far.err());
    }

    @Test
    void explainListsEveryCode() {
        Cli r = Cli.run("explain", "--list");
        assertEquals(0, r.status());
        for (Code code : Code.values()) {
            assertTrue(r.out().contains(code.id() + "  "), code + " missing from:\n" + r.out());
        }
        assertEquals(r.out(), Cli.run("explain").out());
    }

    @Test
    void unknownFormatIsAUsageError(@TempDir Path tmp) throws Exception {
        Cli r = Cli.run("validate", "--format", "xml", write(tmp, "b.yaml", WARNING_ONLY).toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("text, json, github, sarif"), r.err());
    }
}
