package dev.berth.cli;

import static dev.berth.testing.Installs.BOTH;
import static dev.berth.testing.Installs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
    void anInvalidConfigIsExitOneWithItsDiagnostics() {
        write(config, "berth: 1\ncontainers:\n  alpha: {root: relative}\n");
        Cli status = Cli.run("status", config.toString(), "--root", root.toString());
        assertEquals(1, status.status());
        assertTrue(status.err().contains("error["), status.err());
    }
}
