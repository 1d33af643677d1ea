package dev.berth.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.Berth;
import dev.berth.load.Source;
import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.testing.Cases;
import dev.berth.testing.Cases.Case;
import dev.berth.tree.FileTree;
import dev.berth.tree.TreeWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example's host units and guest units pass {@code systemd-analyze verify} with nothing on stderr. */
class ExamplesVerifyTest {
    static List<Case> examples() {
        return Cases.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void hostAndGuestUnitsVerifyCleanly(Case example, @TempDir Path tmp) throws Exception {
        assumeTrue(SystemdVerify.available(), "systemd-analyze is not installed");
        Source source = new Source(example.input().getFileName().toString(), example.text());
        Config config = Berth.validate(source).value().orElseThrow();
        FileTree tree = Berth.compile(source).value().orElseThrow();
        Path out = tmp.resolve("out");
        TreeWriter.write(tree, out);

        check("host", out.resolve("etc/systemd/system"), tmp.resolve("host-root"));
        for (Container c : config.containers()) {
            Path guestUnits = out.resolve(c.root().substring(1)).resolve("etc/systemd/system");
            if (Files.isDirectory(guestUnits)) {
                check("guest " + c.name(), guestUnits, tmp.resolve("guest-root-" + c.name()));
            }
        }
    }

    private static void check(String what, Path units, Path scratch) throws Exception {
        SystemdVerify.Outcome outcome = SystemdVerify.verify(units, scratch);
        assertFalse(outcome.units().isEmpty(), what + ": no units found in " + units);
        assertEquals("", outcome.stderr(), what + " units " + outcome.units() + " must verify without any message");
        assertEquals(0, outcome.exitCode(), what + ": systemd-analyze verify exit status");
    }

    /** The check above can fail: a unit systemd does not accept produces a message. */
    @org.junit.jupiter.api.Test
    void aBrokenUnitIsReported(@TempDir Path tmp) throws Exception {
        assumeTrue(SystemdVerify.available(), "systemd-analyze is not installed");
        Path units = Files.createDirectories(tmp.resolve("units"));
        Files.writeString(units.resolve("broken.service"), "[Service]\nExecStart=/usr/bin/true\nCPUShares=1500\n");
        SystemdVerify.Outcome outcome = SystemdVerify.verify(units, tmp.resolve("root"));
        org.junit.jupiter.api.Assertions.assertTrue(outcome.stderr().contains("CPUShares"), outcome.stderr());
    }
}
