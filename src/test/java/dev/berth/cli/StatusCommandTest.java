package dev.berth.cli;

import static dev.berth.testing.Installs.BOTH;
import static dev.berth.testing.Installs.read;
import static dev.berth.testing.Installs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.apply.Generations;
import dev.berth.testing.Installs;
import dev.berth.testing.RecordingHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** berth status on a live host stood in for by a temporary root and a recording systemctl, and on an offline root. */
class StatusCommandTest {
    @TempDir
    Path dir;
    Path root;
    Path config;
    final RecordingHost host = new RecordingHost();

    @BeforeEach
    void pretendLive() throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        config = dir.resolve("berth.yaml");
        write(config, BOTH);
        LiveHostStandIn.install(host);
    }

    @AfterEach
    void backToReal() {
        LiveHostStandIn.remove();
    }

    @Test
    void everySocketListeningIsExitZeroWithOneLinePerContainerInTheConfigsOrder() {
        assertEquals(0, Cli.run("apply", config.toString(), "--root", root.toString()).status());
        host.active.add("alpha.service");
        host.properties.put("alpha.socket", Map.of("Listen", List.of("[::]:2201 (Stream)"), "NAccepted", List.of("7"),
                "NConnections", List.of("1")));
        host.properties.put("alpha.service", Map.of("ActiveEnterTimestamp", List.of("Sun 2026-12-06 03:46:09 UTC"),
                "MemoryCurrent", List.of("19087360")));
        host.processes = 0;

        Cli status = Cli.run("status", config.toString(), "--root", root.toString());

        assertEquals(0, status.status(), status.toString());
        assertEquals(3, host.processes, "the states of every unit, the sockets' addresses, the running container's details");
        List<String> lines = status.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Status of " + root + " (live host) for " + config + ": 2 containers."), status.out());
        assertEquals("Last applied from this very config.", lines.get(1));
        assertTrue(lines.get(3).startsWith("CONTAINER  LISTENS ON"), status.out());
        assertTrue(lines.get(4).matches("alpha +\\[::\\]:2201 \\(Stream\\) +listening +active \\(running\\) +Sun 2026-12-06 "
                + "03:46:09 UTC +7 +1 +18\\.2M +- +as applied \\(7 files\\)"), lines.get(4));
        assertTrue(lines.get(5).matches("beta +- +listening +inactive \\(dead\\) +- +0 +0 +- +- +as applied \\(7 files\\)"), lines.get(5));
        assertEquals("Every socket listens (2 sockets).", lines.get(lines.size() - 1));
    }

    @Test
    void aSocketNotListeningIsExitOneAndJsonSaysWhich() {
        assertEquals(0, Cli.run("apply", config.toString(), "--root", root.toString()).status());
        host.active.remove("beta.socket");

        Cli status = Cli.run("status", config.toString(), "--root", root.toString(), "--format", "json");

        assertEquals(1, status.status(), status.toString());
        JsonNode json = JsonMapper.builder().build().readTree(status.out());
        assertEquals(1, json.get("format_version").asInt());
        assertTrue(json.get("live").asBoolean());
        assertEquals("alpha", json.get("containers").get(0).get("name").asString());
        JsonNode beta = json.get("containers").get(1);
        assertEquals("beta.socket", beta.get("sockets").get(0).get("unit").asString());
        assertEquals(false, beta.get("sockets").get(0).get("listening").asBoolean());
        assertEquals("inactive (dead)", beta.get("sockets").get(0).get("state").asString());
        assertEquals("as-applied", beta.get("files").get("state").asString());
        assertEquals(false, json.get("summary").get("all_listening").asBoolean());
        assertEquals(1, json.get("summary").get("listening").asInt());

        Cli quiet = Cli.run("status", config.toString(), "--root", root.toString(), "--quiet");
        assertEquals(1, quiet.status());
        assertEquals("", quiet.out());
    }

    @Test
    void aFileChangedByHandIsNamedWithoutReadingIt() throws IOException {
        assertEquals(0, Cli.run("apply", config.toString(), "--root", root.toString()).status());
        write(root.resolve("etc/systemd/system/beta.service"), "# edited\n");

        Cli status = Cli.run("status", config.toString(), "--root", root.toString());

        assertTrue(status.out().contains("changed: etc/systemd/system/beta.service"), status.out());
    }

    @Test
    void anOfflineRootHasFilesOnlyAndSaysSo() {
        LiveHostStandIn.remove();
        Cli before = Cli.run("status", config.toString(), "--root", root.toString());
        assertEquals(0, before.status(), before.toString());
        assertTrue(before.out().contains("(offline root: files only; nothing runs there, so there is no socket or "
                + "container state)"), before.out());
        assertTrue(before.out().contains("berth has applied nothing here"), before.out());
        assertTrue(before.out().contains("not applied"), before.out());

        assertEquals(0, Cli.run("apply", config.toString(), "--root", root.toString()).status());
        Cli after = Cli.run("status", config.toString(), "--root", root.toString(), "--format", "json");
        JsonNode json = JsonMapper.builder().build().readTree(after.out());
        assertEquals(false, json.get("live").asBoolean());
        assertTrue(json.get("containers").get(0).get("sockets").get(0).get("listening").isNull());
        assertEquals("2201 (Stream)", json.get("containers").get(0).get("sockets").get(0).get("listen").get(0).asString());
        assertEquals("as-applied", json.get("containers").get(0).get("files").get("state").asString());
    }

    @Test
    void theGenerationsFollowTheContainersWithTheFieldsBerthGenerationsGivesThem() {
        LiveHostStandIn.remove();
        Cli none = Cli.run("status", config.toString(), "--root", root.toString());
        assertEquals("No generations: no apply has changed this root.", lastLine(none));
        JsonNode empty = json(Cli.run("status", config.toString(), "--root", root.toString(), "--format", "json"));
        assertTrue(empty.get("current").isNull() && empty.get("pending").isNull() && empty.get("error").isNull(), empty.toString());
        assertEquals(0, empty.get("kept").size());

        assertEquals(0, Cli.run("apply", config.toString(), "--root", root.toString()).status());
        write(config, Installs.config(Installs.container("alpha", 2299), Installs.BETA));
        assertEquals(0, Cli.run("apply", config.toString(), "--root", root.toString()).status());

        Cli text = Cli.run("status", config.toString(), "--root", root.toString());
        assertTrue(lastLine(text).matches("Generation 2 of 2 \\(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\), 2 kept: 1 2; "
                + "berth rollback returns to 1\\."), text.out());
        JsonNode generations = json(Cli.run("status", config.toString(), "--root", root.toString(), "--format", "json"));
        assertEquals(2, generations.get("current").intValue());
        assertTrue(generations.get("pending").isNull());
        JsonNode listed = JsonMapper.builder().build().readTree(
                Cli.run("generations", "--root", root.toString(), "--format", "json").out()).get("generations");
        for (int i = 0; i < 2; i++) {
            ObjectNode expected = ((ObjectNode) listed.get(i)).deepCopy();
            expected.remove("current");
            assertEquals(expected, generations.get("kept").get(i));
        }
    }

    @Test
    void aGenerationLeftPendingIsNamed() {
        LiveHostStandIn.remove();
        assertEquals(0, Cli.run("apply", config.toString(), "--root", root.toString()).status());
        Path record = root.resolve(Generations.RECORD);
        write(record, read(record).replace("\"complete\": true", "\"complete\": false")); // as an apply killed before its record

        assertEquals("No generations: an apply was cut off: generation 1 is pending; apply again.",
                lastLine(Cli.run("status", config.toString(), "--root", root.toString())));
        JsonNode generations = json(Cli.run("status", config.toString(), "--root", root.toString(), "--format", "json"));
        assertEquals(1, generations.get("pending").intValue());
        assertTrue(generations.get("current").isNull());
    }

    /** The containers are shown, the record's trouble named in a line, and the exit status is the sockets'. */
    @Test
    void aRecordThatCannotBeReadIsSaidAndTheContainersAreShownAllTheSame() throws IOException {
        assertEquals(0, Cli.run("apply", config.toString(), "--root", root.toString()).status());
        write(root.resolve(Generations.RECORD), "{\"format_version\": 1, \"generations\": [{\"number\": \"one\"");

        Cli listening = Cli.run("status", config.toString(), "--root", root.toString());
        assertEquals(0, listening.status(), listening.toString());
        assertEquals("", listening.err());
        List<String> lines = listening.out().lines().toList();
        assertTrue(lines.get(4).startsWith("alpha ") && lines.get(5).startsWith("beta "), listening.out());
        assertTrue(lines.get(lines.size() - 2).startsWith("The generations cannot be read: " + Generations.RECORD
                + " is not as berth writes it: "), listening.out());
        assertEquals("Every socket listens (2 sockets).", lines.get(lines.size() - 1));

        host.active.remove("beta.socket");
        Cli silent = Cli.run("status", config.toString(), "--root", root.toString(), "--format", "json");
        assertEquals(1, silent.status(), silent.toString());
        JsonNode json = JsonMapper.builder().build().readTree(silent.out());
        assertEquals(2, json.get("containers").size());
        assertTrue(json.get("generations").get("error").asString().startsWith(Generations.RECORD + " is not as berth writes it: "));
        assertTrue(json.get("generations").get("current").isNull());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"empty", "not json", "binary", "truncated", "another format", "no generations", "a directory",
            "a link"})
    void aRecordNotAsBerthWritesItIsOneLineAndNoStackTrace(String damage) throws IOException {
        LiveHostStandIn.remove();
        assertEquals(0, Cli.run("apply", config.toString(), "--root", root.toString()).status());
        Path record = root.resolve(Generations.RECORD);
        String whole = read(record);
        Files.delete(record);
        switch (damage) {
            case "empty" -> Files.writeString(record, "");
            case "not json" -> Files.writeString(record, "generations: none\n");
            case "binary" -> Files.write(record, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
            case "truncated" -> Files.writeString(record, whole.substring(0, whole.length() / 2));
            case "another format" -> Files.writeString(record, whole.replace("\"format_version\": 1", "\"format_version\": 2"));
            case "no generations" -> Files.writeString(record, "{\"format_version\": 1}\n");
            case "a directory" -> Files.createDirectory(record);
            case "a link" -> Files.createSymbolicLink(record, dir.resolve("elsewhere.json"));
            default -> throw new IllegalArgumentException(damage);
        }

        Cli status = Cli.run("status", config.toString(), "--root", root.toString());

        assertEquals(0, status.status(), status.toString());
        assertEquals("", status.err());
        String line = lastLine(status);
        assertTrue(line.startsWith("The generations cannot be read: ") && line.endsWith("; berth apply says how to go on."),
                status.out());
        assertTrue(status.out().contains("as applied (7 files)"), status.out());
        assertFalse(status.out().contains("\tat "), status.out());
    }

    private static String lastLine(Cli run) {
        List<String> lines = run.out().lines().toList();
        return lines.get(lines.size() - 1);
    }

    private static JsonNode json(Cli run) {
        assertEquals(0, run.status(), run.toString());
        return JsonMapper.builder().build().readTree(run.out()).get("generations");
    }

    @Test
    void anInvalidConfigIsExitOneWithItsDiagnostics() {
        write(config, "berth: 1\ncontainers:\n  alpha: {root: relative}\n");
        Cli status = Cli.run("status", config.toString(), "--root", root.toString());
        assertEquals(1, status.status());
        assertTrue(status.err().contains("error["), status.err());
    }
}
