package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.Berth;
import dev.berth.load.Source;
import dev.berth.testing.Cases;
import dev.berth.tree.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code berth graph}: DOT on stdout or in a file, drawn by Graphviz's dot when it is installed. */
class GraphCommandTest {
    private static final String BOOK = "examples/book-ssh-container.yaml";

    @TempDir
    Path dir;

    @Test
    void theBooksContainerAsDot() {
        Cli graph = Cli.run("graph", BOOK);

        assertEquals(0, graph.status(), graph.toString());
        assertEquals("", graph.err());
        String dot = graph.out();
        assertTrue(dot.startsWith("digraph berth {\n"), dot);
        assertTrue(dot.contains("  \"port:mycontainer/ssh\" [label=\"23 (stream)\\nport ssh\", shape=cds];\n"), dot);
        assertTrue(dot.contains("  subgraph \"cluster_mycontainer\" {\n    label=\"mycontainer\\n/srv/mycontainer\\nMy little container\";"), dot);
        assertTrue(dot.contains("\"service:mycontainer/sshd\" [label=\"sshd@.service\\none per connection\", "
                + "style=\"rounded,dashed\", peripheries=2];"), dot);
        assertTrue(dot.contains("  \"port:mycontainer/ssh\" -> \"socket:mycontainer/sshd\" [label=\"mycontainer.socket\"];\n"), dot);
        assertTrue(dot.contains("  \"socket:mycontainer/sshd\" -> \"service:mycontainer/sshd\" [label=\"Accept=yes\"];\n"), dot);
        assertTrue(dot.endsWith("}\n"), dot);
    }

    @Test
    void nativeAndBootServicesLookDifferent() {
        String dot = Cli.run("graph", "examples/multi-address.yaml").out();

        assertTrue(dot.contains(".service\\nreceives the sockets\", style=\"rounded,bold\"]"), dot);
        assertTrue(dot.contains(".service\\nstarts at boot\", style=\"rounded,dotted\"]"), dot);
        assertTrue(dot.contains("[label=\"Accept=no\"]"), dot);
    }

    @Test
    void idleStopShowsTheProxy() {
        String dot = Cli.run("graph", "examples/idle-ssh-container.yaml").out();

        assertTrue(dot.matches("(?s).*-proxy-ssh\\.socket\\\\nproxy, idle-stop [^\"]+\\\\n[a-z0-9-]+\\.socket\"\\].*"), dot);
    }

    /** Every unit the graph names is one the compiled tree holds. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.berth.testing.Cases#examples")
    void everyUnitInTheGraphIsCompiled(Cases.Case example) {
        FileTree tree = Berth.compile(new Source(example.name(), example.text())).value().orElseThrow();
        // label lines are joined by \n; split them so names stand alone
        String dot = Cli.run("graph", example.input().toString()).out().replace("\\n", " ");
        Matcher unit = Pattern.compile("([A-Za-z0-9@_.:-]+\\.(?:socket|service))").matcher(dot);
        int units = 0;
        while (unit.find()) {
            String name = unit.group(1);
            units++;
            assertTrue(tree.entries().keySet().stream().anyMatch(p -> p.endsWith("/system/" + name) || p.contains("/system/" + name + ".d/")),
                    example + ": " + name + " is not in the compiled tree");
        }
        assertTrue(units > 0, dot);
    }

    @Test
    void dotFileIsWrittenAsIs() throws IOException {
        Path out = dir.resolve("berth.dot");

        Cli graph = Cli.run("graph", BOOK, "-o", out.toString());

        assertEquals(0, graph.status(), graph.toString());
        assertEquals(Cli.run("graph", BOOK).out(), Files.readString(out));
        assertEquals("", graph.out());
    }

    @Test
    void svgIsDrawnByDotFromPath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("dot");
        // stands in for Graphviz: records its arguments and copies the DOT it reads into the output file
        Files.writeString(fake, "#!/bin/sh\necho \"$@\" > \"" + dir.resolve("args") + "\"\ncat > \"$3\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path out = dir.resolve("berth.svg");

        Cli graph = Cli.run(new Environment(Map.of("PATH", "/nonexistent:" + bin), false, false), "graph", BOOK, "-o", out.toString());

        assertEquals(0, graph.status(), graph.toString());
        assertEquals("-Tsvg -o " + out + "\n", Files.readString(dir.resolve("args")));
        assertEquals(Cli.run("graph", BOOK).out(), Files.readString(out));
    }

    @Test
    void withoutDotTheDotIsPrintedAndTheRunFails() {
        Path out = dir.resolve("berth.png");

        Cli graph = Cli.run(new Environment(Map.of("PATH", dir.toString()), false, false), "graph", BOOK, "-o", out.toString());

        assertEquals(1, graph.status(), graph.toString());
        assertTrue(graph.out().startsWith("digraph berth {"), graph.out());
        assertTrue(graph.err().contains("Graphviz's dot is not on PATH, so " + out + " was not drawn"), graph.err());
        assertTrue(graph.err().contains("| dot -Tpng > " + out), graph.err());
        assertTrue(Files.notExists(out));
    }

    @Test
    void failingDotIsReported() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("dot");
        Files.writeString(fake, "#!/bin/sh\necho 'Error: syntax error in line 1' >&2\nexit 2\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

        Cli graph = Cli.run(new Environment(Map.of("PATH", bin.toString()), false, false),
                "graph", BOOK, "-o", dir.resolve("x.svg").toString());

        assertEquals(1, graph.status());
        assertTrue(graph.err().contains("failed (exit 2)"), graph.err());
        assertTrue(graph.err().contains("  Error: syntax error in line 1"), graph.err());
    }

    @Test
    void realDotDrawsAnSvg() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dot")), "Graphviz is not installed: skipped drawing with the real dot");
        Path out = dir.resolve("berth.svg");

        Cli graph = Cli.run("graph", "examples/hosting-sites.yaml", "-o", out.toString());

        assertEquals(0, graph.status(), graph.toString());
        assertTrue(Files.readString(out).contains("<svg"), "not an SVG");
    }

    @Test
    void unknownOutputTypeAndInvalidConfigAreErrors() throws IOException {
        Cli type = Cli.run("graph", BOOK, "-o", dir.resolve("graph.bmp").toString());
        assertEquals(1, type.status());
        assertTrue(type.err().contains("name it .dot, .gv, .svg, .png or .pdf"), type.err());

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "berth: 1\ncontainers: {a_b: {root: /srv/x}}\n");
        Cli invalid = Cli.run("graph", bad.toString());
        assertEquals(1, invalid.status());
        assertEquals("", invalid.out());
        assertTrue(invalid.err().contains("error[N001]"), invalid.err());
    }
}
