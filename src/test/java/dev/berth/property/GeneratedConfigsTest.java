package dev.berth.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.load.Source;
import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.systemd.SystemdVerify;
import dev.berth.tree.FileTree;
import dev.berth.tree.TreeListing;
import dev.berth.tree.TreeWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: every valid generated config compiles, its units pass systemd-analyze verify, and
 * compiling it twice gives byte-identical trees. {@code -Dberth.property.seeds=N} runs more seeds.
 */
class GeneratedConfigsTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, Long.getLong("berth.property.seeds", 12));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void compilesVerifiesAndIsDeterministic(long seed, @TempDir Path tmp) throws Exception {
        String yaml = new ConfigGenerator(seed).generate();
        Source source = new Source("generated.yaml", yaml);
        Result<FileTree> first = Berth.compile(source);
        assertTrue(first.ok(), () -> "seed " + seed + " did not compile:\n" + first.diagnostics().all() + "\n" + yaml);
        assertEquals(TreeListing.render(first.value().get()), TreeListing.render(Berth.compile(source).value().get()),
                "seed " + seed + ": two compiles differ");

        assumeTrue(SystemdVerify.available(), "systemd-analyze is not installed");
        Config config = Berth.validate(source).value().get();
        Path out = tmp.resolve("out");
        TreeWriter.write(first.value().get(), out);
        verify(seed, "host", out.resolve("etc/systemd/system"), tmp.resolve("host"), yaml);
        for (Container c : config.containers()) {
            Path guest = out.resolve(c.root().substring(1)).resolve("etc/systemd/system");
            if (Files.isDirectory(guest)) {
                verify(seed, c.name(), guest, tmp.resolve("guest-" + c.name()), yaml);
            }
        }
    }

    private static void verify(long seed, String what, Path units, Path scratch, String yaml) throws Exception {
        SystemdVerify.Outcome outcome = SystemdVerify.verify(units, scratch);
        assertEquals("", outcome.stderr(), () -> "seed " + seed + ", " + what + " units:\n" + yaml);
    }
}
