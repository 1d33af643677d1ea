package dev.berth.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.Berth;
import dev.berth.load.Source;
import dev.berth.tree.FileTree;
import dev.berth.tree.TreeWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Time spans are taken as systemd.time(7) writes them and reach the units unchanged: the idle time of the proxy,
 * the start limit of the container and the trigger limit of its socket, which systemd-analyze accepts.
 */
class DurationsVerifyTest {
    private static final String CONFIG = """
            berth: 1
            containers:
              web:
                root: /srv/web
                idle-stop: %1$s
                start-limit: {interval: %1$s, burst: 10}
                socket: {trigger-limit: {interval: %1$s, burst: 20}}
                ports:
                  http: {listen: 8080}
                services:
                  s: {port: http, exec: [/usr/bin/srv]}
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"90s", "1min30s", "2h", "1h 30min", "1.5h", "30 seconds", "500ms", "1d", "2min 5s 300ms"})
    void aTimeSpanSystemdReadsIsWrittenThroughAndVerifies(String span, @TempDir Path tmp) throws Exception {
        Source source = new Source("berth.yaml", CONFIG.formatted("'" + span + "'"));
        FileTree tree = Berth.compile(source).value().orElseThrow(() -> new AssertionError(Berth.validate(source).diagnostics().all()));
        Path out = tmp.resolve("out");
        TreeWriter.write(tree, out);
        Path units = out.resolve("etc/systemd/system");
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(units)) {
            for (Path unit : files.filter(Files::isRegularFile).sorted().toList()) {
                all.append(Files.readString(unit));
            }
        }
        assertTrue(all.toString().contains("\nStartLimitIntervalSec=" + span + "\n"), all.toString());
        assertTrue(all.toString().contains("\nTriggerLimitIntervalSec=" + span + "\n"), all.toString());
        assertTrue(all.toString().contains("--exit-idle-time=" + span), all.toString());

        assumeTrue(SystemdVerify.available(), "systemd-analyze is not installed");
        SystemdVerify.Outcome outcome = SystemdVerify.verify(units, tmp.resolve("root"));
        assertEquals("", outcome.stderr(), "units " + outcome.units() + " with " + span);
        assertEquals(0, outcome.exitCode());
        // the proxy's --exit-idle-time= is parsed by the same function as the units' time spans
        Process timespan = new ProcessBuilder("/usr/bin/systemd-analyze", "timespan", span).redirectErrorStream(true).start();
        String said = new String(timespan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(timespan.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, timespan.exitValue(), said);
    }
}
