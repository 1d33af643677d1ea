package dev.berth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.load.Source;
import dev.berth.property.ConfigGenerator;
import dev.berth.testing.Cases;
import dev.berth.testing.Trees;
import dev.berth.tree.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code compile -o} writes each container's files as it translates them, without the tree {@link Berth#compile}
 * builds: the directory must hold exactly that tree, and nothing at all when the config is refused.
 */
class DirectoryExportTest {
    static List<Cases.Case> cases() {
        return Cases.all();
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesWhatCompileBuilds(Cases.Case c, @TempDir Path tmp) throws IOException {
        assertSame(new Source(c.input().getFileName().toString(), c.text()), tmp.resolve("out"), false);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void writesWhatCompileBuildsForGeneratedConfigs(long seed, @TempDir Path tmp) throws IOException {
        assertSame(new Source("generated.yaml", new ConfigGenerator(seed).generate()), tmp.resolve("out"), true);
    }

    @Test
    void writesWhatCompileBuildsForALargeConfigOnSeveralThreads(@TempDir Path tmp) throws IOException {
        // past every threshold for working side by side, with a host drop-in and a template
        String containers = IntStream.range(0, 600).mapToObj(i -> """
                  cNAME:
                    template: web
                    root: /srv/cNAME
                    ports:
                      ssh: {listen: "10.1.ADDRESS:22"}
                    services:
                      sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i]}
                """.replace("NAME", Integer.toString(i)).replace("ADDRESS", i / 200 + "." + (i % 200 + 1)))
                .collect(Collectors.joining());
        String yaml = """
                berth: 1
                templates:
                  web:
                    description: A web container
                    mask: [ssh.service]
                host:
                  drop-ins:
                    httpd.service:
                      limits.conf: {limits: {memory-max: 1G}}
                containers:
                """ + containers;
        assertSame(new Source("berth.yaml", yaml), tmp.resolve("out"), true);
    }

    @Test
    void aFailureOnSeveralThreadsIsReportedOnce(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("srv"), "in the way of every guest root"); // mkdir fails below it
        String containers = IntStream.range(0, 300).mapToObj(i -> """
                  c%d:
                    root: /srv/c%d
                    ports: {ssh: {listen: "10.2.%d.%d:22"}}
                    services: {sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i]}}
                """.formatted(i, i, i / 200, i % 200 + 1)).collect(Collectors.joining());
        Source source = new Source("berth.yaml", "berth: 1\ncontainers:\n" + containers);
        assertTrue(Berth.compile(source).ok());
        IOException failure = assertThrows(IOException.class, () -> Berth.compileInto(source, out, findings -> true));
        assertTrue(failure.getMessage().contains("srv"), failure.getMessage());
    }

    @Test
    void writesNothingWhenTheCallerSaysNo(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Source source = new Source("berth.yaml", Files.readString(Cases.EXAMPLES.resolve("book-ssh-container.yaml")));
        Result<Long> written = Berth.compileInto(source, out, findings -> false);
        assertFalse(written.ok());
        assertFalse(Files.exists(out));
    }

    @Test
    void aDirectoryThatCannotBeMadeIsAnIoError(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        Source source = new Source("berth.yaml", Files.readString(Cases.EXAMPLES.resolve("book-ssh-container.yaml")));
        assertThrows(IOException.class, () -> Berth.compileInto(source, file.resolve("out"), findings -> true));
    }

    /** @param valid whether the config must compile (a golden case may be one that is refused) */
    private static void assertSame(Source source, Path out, boolean valid) throws IOException {
        Result<FileTree> tree = Berth.compile(source);
        assertTrue(tree.ok() || !valid, () -> "does not compile: " + tree.diagnostics().all());
        Result<Long> written = Berth.compileInto(source, out, findings -> true);
        assertEquals(tree.ok(), written.ok());
        assertEquals(tree.diagnostics().all().toString(), written.diagnostics().all().toString());
        if (!tree.ok()) {
            assertFalse(Files.exists(out), "nothing written for a refused config");
            return;
        }
        assertTrue(tree.value().get().size() > 1);
        assertEquals(tree.value().get().size(), written.value().get());
        Trees.assertWritten(out, tree.value().get());
    }
}
