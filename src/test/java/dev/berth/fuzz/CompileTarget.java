package dev.berth.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.Diagnostics;
import dev.berth.load.Source;
import dev.berth.load.SourceReader;
import dev.berth.tree.FileNode;
import dev.berth.tree.FileTree;
import dev.berth.tree.TreeListing;
import dev.berth.unit.UnitKind;
import dev.berth.unit.UnitParser;
import java.util.Optional;

/**
 * What every input must satisfy, whatever it is: no exception; every diagnostic has a position; a
 * config that compiles gives unit files that parse back and the same tree twice.
 */
final class CompileTarget {
    private CompileTarget() {
    }

    static void check(byte[] bytes) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<Source> source = SourceReader.decode(bytes, "fuzz.yaml", diagnostics);
        if (source.isEmpty()) {
            assertTrue(diagnostics.hasErrors(), "undecodable input without an error");
            return;
        }
        check(source.get());
    }

    static void check(Source source) {
        Result<FileTree> result = Berth.compile(source);
        for (Diagnostic d : result.diagnostics().all()) {
            assertTrue(d.position().isPresent(), () -> "no position: " + d);
        }
        if (result.ok()) {
            FileTree tree = result.value().get();
            tree.entries().forEach((path, node) -> {
                if (node instanceof FileNode.RegularFile f && (path.endsWith(".service") || path.endsWith(".socket")
                        || path.endsWith(".conf") || path.endsWith(".nspawn"))) {
                    UnitParser.parse(path, UnitKind.SERVICE, f.content());
                    assertTrue(f.content().lines().allMatch(l -> l.length() < 8192), path + " has an over-long line");
                }
            });
            assertEquals(TreeListing.render(tree), TreeListing.render(Berth.compile(source).value().orElseThrow()));
        } else {
            assertTrue(result.diagnostics().hasErrors(), "failed without an error");
        }
    }
}
