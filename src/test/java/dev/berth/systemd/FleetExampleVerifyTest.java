package dev.berth.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.Berth;
import dev.berth.load.Source;
import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.tree.FileTree;
import dev.berth.tree.TreeWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * examples/fleet: every host file, with the shared file it imports, is valid without a diagnostic, and its host and
 * guest units pass {@code systemd-analyze verify} with nothing on stderr.
 */
class FleetExampleVerifyTest {
    private static final Path HOSTS = Path.of("examples/fleet/hosts");

    static List<Path> hosts() throws IOException {
        try (Stream<Path> files = Files.list(HOSTS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void thereAreSeveralHosts() throws IOException {
        assertEquals(3, hosts().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void hostFileIsValidAndItsUnitsVerify(Path host, @TempDir Path tmp) throws Exception {
        Source source = new Source(host.toString(), Files.readString(host));
        Config config = Berth.validate(source).value().orElseThrow();
        assertEquals(List.of(), Berth.validate(source).diagnostics().all());
        assumeTrue(SystemdVerify.available(), "systemd-analyze is not installed");
        FileTree tree = Berth.compile(source).value().orElseThrow();
        Path out = tmp.resolve("out");
        try {
            TreeWriter.write(tree, out);
            check("host", out.resolve("etc/systemd/system"), tmp.resolve("host-root"));
            for (Container c : config.containers()) {
                check("guest " + c.name(), out.resolve(c.root().substring(1)).resolve("etc/systemd/system"),
                        tmp.resolve("guest-root-" + c.name()));
            }
        } finally {
            removeLinks(tmp);
        }
    }

    /** Masks link to /dev/null, which JUnit would warn about when it deletes the directory. */
    private static void removeLinks(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path link : walk.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
    }

    private static void check(String what, Path units, Path scratch) throws Exception {
        SystemdVerify.Outcome outcome = SystemdVerify.verify(units, scratch);
        assertFalse(outcome.units().isEmpty(), what + ": no units found in " + units);
        assertEquals("", outcome.stderr(), what + " units " + outcome.units() + " must verify without any message");
        assertEquals(0, outcome.exitCode(), what + ": systemd-analyze verify exit status");
    }
}
