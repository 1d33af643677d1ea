package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code berth compile --check}: for repositories that commit the compiled tree. */
class CompileCheckTest {
    private static final String BOOK = "examples/book-ssh-container.yaml";
    private static final String HOST_SOCKET = "etc/systemd/system/mycontainer.socket";

    @TempDir
    Path dir;
    Path out;

    @BeforeEach
    void freshCompile() {
        out = dir.resolve("out");
        Cli compile = Cli.run("compile", BOOK, "-o", out.toString());
        assertEquals(0, compile.status(), compile.toString());
    }

    private Cli check(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("compile", BOOK, "-o", out.toString(), "--check"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void freshCompileIsUpToDate() {
        Cli check = check();

        assertEquals(0, check.status(), check.toString());
        assertEquals(out + ": up to date (8 files)\n", check.out());
        assertEquals("", check.err());
        assertEquals("", check("--quiet").out());
    }

    @Test
    void anEditedFileIsNamedAndFailsTheCheck() throws IOException {
        Files.writeString(out.resolve(HOST_SOCKET), "# edited by hand\n", java.nio.file.StandardOpenOption.APPEND);

        Cli check = check();

        assertEquals(1, check.status(), check.toString());
        assertEquals("stale    " + out.resolve(HOST_SOCKET) + "  (content differs)\n", check.out());
        assertTrue(check.err().contains("1 stale, 0 missing, 0 extra (of 8 files berth writes)"), check.err());
        assertTrue(check.err().contains("berth compile " + BOOK + " -o " + out), check.err());
        assertTrue(Files.readString(out.resolve(HOST_SOCKET)).endsWith("# edited by hand\n"), "--check writes nothing");
    }

    @Test
    void staleMissingAndExtraAreListedSortedByPath() throws IOException {
        Files.delete(out.resolve("var/lib/berth/NOTES.md"));
        Files.writeString(out.resolve("etc/systemd/system/old.socket"), "[Socket]\n");
        Path link = out.resolve("etc/systemd/system/sockets.target.wants/mycontainer.socket");
        Files.delete(link);
        Files.createSymbolicLink(link, Path.of("../other.socket"));
        Path guest = out.resolve("srv/mycontainer/etc/systemd/system/sshd.socket");
        Files.setPosixFilePermissions(guest, PosixFilePermissions.fromString("rwxr-xr-x"));

        Cli check = check();

        assertEquals(1, check.status(), check.toString());
        assertEquals(String.join("\n",
                "extra    " + out.resolve("etc/systemd/system/old.socket"),
                "stale    " + link + "  (links to ../other.socket; berth writes a link to ../mycontainer.socket)",
                "stale    " + guest + "  (is executable; berth writes it without x)",
                "missing  " + out.resolve("var/lib/berth/NOTES.md")) + "\n", check.out());
        assertTrue(check.err().contains("remove the extra files"), check.err());
    }

    @Test
    void modesCountOnlyAsGitKeepsThem() throws IOException {
        Files.setPosixFilePermissions(out.resolve(HOST_SOCKET), PosixFilePermissions.fromString("rw-rw-r--"));

        assertEquals(0, check().status(), "a umask of 002 on checkout is not a difference");
    }

    @Test
    void aMissingDirectoryIsAllMissing() {
        out = dir.resolve("never-compiled");

        Cli check = check();

        assertEquals(1, check.status());
        assertEquals(8, check.out().lines().filter(l -> l.startsWith("missing  ")).count(), check.out());
    }

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        Files.writeString(out.resolve(HOST_SOCKET), "x");
        Files.writeString(out.resolve("stray"), "x");

        Cli check = check("--format", "json");

        assertEquals(1, check.status(), check.toString());
        assertEquals("", check.err());
        JsonNode json = JsonMapper.shared().readTree(check.out());
        assertEquals(1, json.get("format_version").intValue());
        assertEquals(out.toString(), json.get("dir").stringValue());
        assertFalse(json.get("up_to_date").booleanValue());
        assertEquals(8, json.get("files").intValue());
        assertEquals(1, json.get("summary").get("stale").intValue());
        assertEquals(0, json.get("summary").get("missing").intValue());
        assertEquals(1, json.get("summary").get("extra").intValue());
        JsonNode first = json.get("differences").get(0);
        assertEquals("stale", first.get("kind").stringValue());
        assertEquals(HOST_SOCKET, first.get("path").stringValue());
        assertEquals("content differs", first.get("detail").stringValue());
        assertEquals("stray", json.get("differences").get(1).get("path").stringValue());
        assertEquals(0, json.get("warnings").size());

        out = dir.resolve("fresh");
        Cli.run("compile", BOOK, "-o", out.toString());
        JsonNode clean = JsonMapper.shared().readTree(check("--format", "json").out());
        assertTrue(clean.get("up_to_date").booleanValue());
        assertEquals(0, clean.get("differences").size());
    }

    @Test
    void githubFormatAnnotatesEachFile() throws IOException {
        Files.delete(out.resolve(HOST_SOCKET));

        Cli check = check("--format", "github");

        assertEquals(1, check.status());
        assertTrue(check.out().startsWith("::error file=" + out.resolve(HOST_SOCKET) + ",title=berth compile --check::missing; "
                + "to update it: berth compile " + BOOK + " -o " + out + "\n"), check.out());
    }

    @Test
    void invalidConfigIsReportedAsByCompile() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "berth: 1\ncontainers: {a_b: {root: /srv/x}}\n");

        Cli check = Cli.run("compile", bad.toString(), "-o", out.toString(), "--check", "--format", "json");

        assertEquals(1, check.status());
        JsonNode json = JsonMapper.shared().readTree(check.out());
        assertEquals("N001", json.get("diagnostics").get(0).get("code").stringValue());
    }
}
