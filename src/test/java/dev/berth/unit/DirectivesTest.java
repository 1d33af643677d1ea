package dev.berth.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.diag.Code;
import dev.berth.diag.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The knowledge table the escape hatch and drop-ins consult before a user's directive reaches a unit. */
class DirectivesTest {
    private static List<Code> codes(String section, String name, String value, int target) {
        return Directives.check(section, name, value, target).stream().map(Directives.Problem::code).toList();
    }

    @ParameterizedTest(name = "[{0}] {1}={2} on {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # section | name                  | value          | target | codes
            Service   | ExecStart             | /bin/true      | 239    | ''
            Unit      | Description           | x              | 239    | ''
            Socket    | ListenStream          | 23             | 239    | ''
            Install   | WantedBy              | multi-user.target | 239 | ''
            Service   | CPUShares             | 512            | 252    | C002
            Service   | StartupCPUShares      | 512            | 252    | C002
            Service   | MemoryLimit           | 1G             | 252    | C002
            Service   | BlockIOAccounting     | yes            | 252    | C002
            Service   | BlockIOWeight         | 100            | 252    | C002
            Service   | BlockIODeviceWeight   | /dev/sda 100   | 252    | C002
            Service   | BlockIOReadBandwidth  | /dev/sda 1M    | 252    | C002
            Service   | StandardOutput        | syslog         | 252    | C002
            Service   | StandardError         | syslog+console | 252    | C002
            Service   | StandardOutput        | journal        | 252    | ''
            Service   | KillMode              | none           | 252    | C002
            Service   | KillMode              | mixed          | 252    | ''
            Unit      | RequiresOverridable   | x.service      | 252    | C002
            Service   | StartLimitBurst       | 5              | 252    | C002
            Unit      | StartLimitBurst       | 5              | 252    | ''
            Service   | ProtectClock          | yes            | 239    | C003
            Service   | ProtectClock          | yes            | 245    | ''
            Service   | LoadCredentialEncrypted | a:/b         | 249    | C003
            Unit      | Upholds               | x.service      | 248    | C003
            Service   | Type                  | exec           | 239    | C003
            Service   | Type                  | exec           | 240    | ''
            Service   | Type                  | notify-reload  | 252    | C003
            Service   | StandardOutput        | truncate:/log  | 247    | C003
            Service   | ImportCredential      | x              | 252    | C003
            Service   | ImportCredential      | x              | 254    | ''
            Service   | ExecStrat             | /bin/true      | 252    | C004
            Service   | execstart             | /bin/true      | 252    | C004
            Service   | Description           | x              | 252    | C004
            Service   | Capabilities          | cap_net_admin  | 252    | C004
            Service   | ControlGroup          | cpu:/          | 252    | C004
            Service   | X-Berth-Note          | anything       | 252    | ''
            X-Mine    | Whatever              | anything       | 252    | ''
            Timer     | OnCalendar            | daily          | 252    | C004
            """)
    void checks(String section, String name, String value, int target, String expected) {
        List<Code> want = expected.isEmpty() ? List.of() : List.of(Code.valueOf(expected));
        assertEquals(want, codes(section, name, value, target));
    }

    @Test
    void hintsNameTheReplacementOrTheClosestDirective() {
        assertTrue(Directives.check("Service", "MemoryLimit", "1G", 252).get(0).hint().contains("MemoryMax="));
        assertTrue(Directives.check("Service", "CPUShares", "1", 252).get(0).hint().contains("CPUWeight="));
        assertTrue(Directives.check("Service", "BlockIOWeight", "1", 252).get(0).hint().contains("IOWeight="));
        assertTrue(Directives.check("Service", "StandardOutput", "syslog", 252).get(0).hint().contains("StandardOutput=journal"));
        assertTrue(Directives.check("Service", "ExecStrat", "/x", 252).get(0).hint().contains("ExecStart="));
        assertTrue(Directives.check("Service", "execstart", "/x", 252).get(0).hint().contains("ExecStart="));
        assertTrue(Directives.check("Service", "Description", "x", 252).get(0).hint().contains("[Unit]"));
        assertEquals(Severity.WARNING, Code.C002.severity());
        assertEquals(Severity.ERROR, Code.C003.severity());
        assertEquals(Severity.ERROR, Code.C004.severity());
    }

    /** How a caller (the escape hatch, drop-ins) turns the table's problems into diagnostics at a config path. */
    @Test
    void problemsBecomeDiagnosticsWithTheCataloguesSeverity() {
        dev.berth.diag.Diagnostics diagnostics = new dev.berth.diag.Diagnostics();
        for (Directives.Problem p : Directives.check("Service", "MemoryLimit", "1G", 252)) {
            diagnostics.report(p.code(), "/containers/web/service/MemoryLimit", p.summary(), p.hint());
        }
        assertEquals(1, diagnostics.all().size());
        assertEquals(Severity.WARNING, diagnostics.all().get(0).severity());
        assertTrue(diagnostics.hasWarnings() && !diagnostics.hasErrors());
    }

    @Test
    void versionsAreWithinTheRangeTheTableRecords() {
        for (String section : Directives.SECTIONS) {
            for (String name : Directives.names(section)) {
                int since = Directives.lookup(section, name).orElseThrow().since();
                assertTrue(since == 0 || since > Directives.BOOK && since <= Directives.NEWEST, section + "." + name + " " + since);
            }
        }
        assertEquals(245, Directives.lookup("Service", "ProtectClock").orElseThrow().since());
        assertTrue(Directives.replacement("Service", "MemoryLimit").isPresent());
    }

    /**
     * The names recorded as known to systemd 252 are exactly those the installed systemd 252 lists. Skipped
     * on machines with another systemd (or none).
     */
    @Test
    void namesUpTo252AreWhatSystemd252Knows() throws Exception {
        Path systemd = Path.of("/lib/systemd/systemd");
        assumeTrue(Files.isExecutable(systemd), "no /lib/systemd/systemd on this machine");
        String version = run(systemd.toString(), "--version");
        assumeTrue(version.startsWith("systemd 252 "), "the table is checked against systemd 252; this machine has: "
                + version.lines().findFirst().orElse("?"));
        String dump = run(systemd.toString(), "--dump-configuration-items");
        String section = "";
        List<String> mismatches = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String line : dump.lines().toList()) {
            if (line.startsWith("[")) {
                section = line.substring(1, line.length() - 1);
            } else if (Directives.SECTIONS.contains(section) && line.contains("=")) {
                String name = line.substring(0, line.indexOf('='));
                seen.add(section + "." + name);
                if (Directives.lookup(section, name).map(d -> d.since() > 252).orElse(true)) {
                    mismatches.add("systemd 252 knows " + section + "." + name);
                }
            }
        }
        for (String s : Directives.SECTIONS) {
            for (String name : Directives.names(s)) {
                if (Directives.lookup(s, name).orElseThrow().since() <= 252 && !seen.contains(s + "." + name)) {
                    mismatches.add("systemd 252 does not know " + s + "." + name);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }
}
