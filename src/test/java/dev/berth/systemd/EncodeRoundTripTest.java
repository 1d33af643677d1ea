package dev.berth.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.load.Source;
import dev.berth.render.Renderer;
import dev.berth.translate.PlacedUnit;
import dev.berth.translate.UnitSet;
import dev.berth.tree.FileTree;
import dev.berth.tree.TreeWriter;
import dev.berth.unit.Encode;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
import dev.berth.unit.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile values go through berth's encoders and templates into unit files, systemd 252 parses them
 * ({@code systemd --test}), and what systemd read must be exactly the input: Exec argv, Description=,
 * Environment=. Exec arguments are compared after the one step that happens only at exec time,
 * {@code $$} becoming {@code $}; any other {@code $} left in an argument would expand, and fails the test.
 */
class EncodeRoundTripTest {
    private static final int COMMANDS = 40;
    private static final int DESCRIPTIONS = 30;
    private static final int VARIABLES = 30;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void systemdReadsBackExactlyWhatWasEncoded(long seed, @TempDir Path tmp) throws Exception {
        assumeTrue(SystemdTestMode.unavailable().isEmpty(), () -> "systemd test mode unavailable: " + SystemdTestMode.unavailable().get());
        HostileValues values = new HostileValues(seed);

        UnitFile.Builder exec = UnitFile.builder("rt-exec.service", UnitKind.SERVICE, "/test");
        exec.add("Unit", "Description", Value.text("round trip " + seed));
        exec.add("Service", "Type", Value.word("oneshot"));
        List<List<String>> commands = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            List<String> argv = new ArrayList<>();
            argv.add(values.coin() ? "/bin/echo" : values.program());
            for (int a = values.upTo(4); a > 0; a--) {
                argv.add(values.argument());
            }
            commands.add(argv);
            exec.add("Service", "ExecStart", Value.exec(values.coin() ? "-" : "", argv));
        }
        List<String> environment = new ArrayList<>();
        for (int i = 0; i < VARIABLES; i++) {
            String v = values.next(5);
            environment.add(v);
            exec.add("Service", "Environment", Value.environment("V" + i, v));
        }
        List<PlacedUnit> units = new ArrayList<>(List.of(new PlacedUnit("etc/systemd/system", exec.build())));

        List<String> refused = new ArrayList<>();
        List<String> descriptions = values.plainValues(DESCRIPTIONS, refused);
        for (int i = 0; i < descriptions.size(); i++) {
            units.add(new PlacedUnit("etc/systemd/system", UnitFile.builder("rt-d" + i + ".service", UnitKind.SERVICE, "/test")
                    .add("Unit", "Description", Value.text(descriptions.get(i)))
                    .add("Service", "ExecStart", Value.exec("", List.of("/bin/true")))
                    .build()));
        }
        for (String bad : refused) {
            assertThrows(IllegalArgumentException.class, () -> Encode.plain(bad), "the encoder refuses what the rules refuse");
        }

        FileTree tree = new Renderer().render(new UnitSet("roundtrip.yaml", units, List.of(), List.of()));
        Path out = tmp.resolve("out");
        TreeWriter.write(tree, out);
        Path unitDir = out.resolve("etc/systemd/system");
        String wants = units.stream().map(u -> u.unit().fileName()).collect(Collectors.joining(" "));
        Files.writeString(unitDir.resolve("rt.target"), "[Unit]\nDescription=round trip\nWants=" + wants + "\n");
        SystemdTestMode.shareWithNobody(tmp);

        SystemdTestMode.Outcome outcome = SystemdTestMode.run("rt.target", List.of(unitDir));
        assertLoadedCleanly(outcome);

        SystemdTestMode.UnitDump execDump = outcome.units().get("rt-exec.service");
        List<List<String>> read = execDump.commandLines();
        assertEquals(commands.size(), read.size(), "one command per ExecStart= line");
        for (int i = 0; i < commands.size(); i++) {
            assertEquals(commands.get(i), atExecTime(read.get(i)), "ExecStart #" + i + " in " + unitDir.resolve("rt-exec.service"));
        }
        StringBuilder env = new StringBuilder();
        for (int i = 0; i < environment.size(); i++) {
            env.append("\t\tEnvironment: V").append(i).append('=').append(environment.get(i)).append('\n');
        }
        assertTrue(execDump.text().contains(env), "Environment= as systemd read it:\n" + execDump.text());
        for (int i = 0; i < descriptions.size(); i++) {
            SystemdTestMode.UnitDump d = outcome.units().get("rt-d" + i + ".service");
            assertEquals(descriptions.get(i), d.property("Description").orElse(null), "Description of rt-d" + i + ".service");
        }
    }

    /** The same, end to end: hostile values written in YAML, compiled by berth, read by systemd. */
    @Test
    void aCompiledConfigReadsBackThroughSystemd(@TempDir Path tmp) throws Exception {
        assumeTrue(SystemdTestMode.unavailable().isEmpty(), () -> "systemd test mode unavailable: " + SystemdTestMode.unavailable().get());
        HostileValues values = new HostileValues(42);
        List<String> refused = new ArrayList<>();
        List<String> descriptions = values.plainValues(2, refused);
        List<String> bootArgs = List.of(values.argument(), values.argument(), "3");
        List<String> exec = List.of("/usr/bin/tool", values.argument(), values.argument(), values.argument(), "$HOME", "%i", ";");
        String yaml = "berth: 1\ncontainers:\n  rt:\n    root: /srv/rt\n    description: " + yamlString(descriptions.get(0))
                + "\n    boot: {args: " + yamlList(bootArgs) + "}\n    services:\n      tool:\n        description: "
                + yamlString(descriptions.get(1)) + "\n        exec: " + yamlList(exec) + "\n";
        Result<FileTree> compiled = Berth.compile(new Source("berth.yaml", yaml));
        assertTrue(compiled.ok(), () -> yaml + "\n" + compiled.diagnostics().all());
        Path out = tmp.resolve("out");
        TreeWriter.write(compiled.value().get(), out);
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        Files.writeString(extra.resolve("rt-all.target"), "[Unit]\nWants=rt.service tool.service\n");
        SystemdTestMode.shareWithNobody(tmp);

        SystemdTestMode.Outcome outcome = SystemdTestMode.run("rt-all.target",
                List.of(extra, out.resolve("etc/systemd/system"), out.resolve("srv/rt/etc/systemd/system")));
        assertLoadedCleanly(outcome);
        SystemdTestMode.UnitDump host = outcome.units().get("rt.service");
        assertEquals(descriptions.get(0), host.property("Description").orElse(null));
        List<String> nspawn = new ArrayList<>(List.of("/usr/bin/systemd-nspawn", "-bD", "/srv/rt"));
        nspawn.addAll(bootArgs);
        assertEquals(List.of(nspawn), host.commandLines().stream().map(EncodeRoundTripTest::atExecTime).toList());
        SystemdTestMode.UnitDump guest = outcome.units().get("tool.service");
        assertEquals(descriptions.get(1), guest.property("Description").orElse(null));
        assertEquals(List.of(exec), guest.commandLines().stream().map(EncodeRoundTripTest::atExecTime).toList());
    }

    /** Every form of listen address berth accepts, systemd accepts too (and berth refuses what systemd would drop). */
    @Test
    void listenAddressesBerthAcceptsSystemdAccepts(@TempDir Path tmp) throws Exception {
        assumeTrue(SystemdTestMode.unavailable().isEmpty(), () -> "systemd test mode unavailable: " + SystemdTestMode.unavailable().get());
        List<String> accepted = List.of("23", "65535", "127.0.0.1:80", "0.0.0.0:8080", "[::1]:443", "[::]:22", "[2001:DB8::1]:80",
                "[fe80::1]:80%lo", "[::ffff:192.0.2.1]:80", "/run/berth-test.sock", "/run/a\"b'c;d#e.sock", "/run/é€.sock",
                "@berth-abstract");
        UnitFile.Builder socket = UnitFile.builder("rt-listen.socket", UnitKind.SOCKET, "/test");
        socket.add("Unit", "Description", Value.text("listen round trip"));
        for (String address : accepted) {
            assertTrue(dev.berth.check.ListenAddress.parse(address).address().isPresent(), address);
            socket.add("Socket", "ListenStream", Value.text(address));
        }
        for (String refused : List.of("[fe80::1%lo]:80", "localhost:80", "*:80", "::1:8080", "08080", "0", "70000", "127.0.0.1")) {
            assertTrue(dev.berth.check.ListenAddress.parse(refused).address().isEmpty(), refused);
        }
        FileTree tree = new Renderer().render(new UnitSet("roundtrip.yaml",
                List.of(new PlacedUnit("etc/systemd/system", socket.build())), List.of(), List.of()));
        Path out = tmp.resolve("out");
        TreeWriter.write(tree, out);
        SystemdTestMode.shareWithNobody(tmp);
        SystemdTestMode.Outcome outcome = SystemdTestMode.run("rt-listen.socket", List.of(out.resolve("etc/systemd/system")));
        assertLoadedCleanly(outcome);
        long listens = outcome.units().get("rt-listen.socket").text().lines().filter(l -> l.startsWith("\t\tListenStream: ")).count();
        assertEquals(accepted.size(), listens, outcome.units().get("rt-listen.socket").text());
    }

    @Test
    void theDumpsQuotingIsReadBack() {
        assertEquals(List.of("/bin/echo", "\u0085", "\u2028", "\u007f", "a\nb", "\u0001", ";", "", "\\;", "é", "$$X", "%%", "a'b", "'",
                        "\u000b\f\u0007\b", "\"q\"", "`"),
                SystemdTestMode.CommandLine.words("/bin/echo \u0085 \u2028 \"\\177\" \"a\\nb\" \"\\001\" \";\" \"\" \"\\\\;\" é "
                        + "\"\\$\\$X\" %% \"a'b\" \"'\" \"\\v\\f\\a\\b\" \"\\\"q\\\"\" \"\\`\""));
    }

    private static void assertLoadedCleanly(SystemdTestMode.Outcome outcome) {
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        List<String> complaints = outcome.stderr().lines().filter(l -> l.matches(".*\\.(service|socket|target)\\b.*")).toList();
        assertEquals(List.of(), complaints, "systemd complained about the generated units");
    }

    /** What the program receives: systemd turns $$ into $ when it starts the command; any other $ would expand. */
    static List<String> atExecTime(List<String> argv) {
        List<String> out = new ArrayList<>(List.of(argv.get(0)));
        for (String arg : argv.subList(1, argv.size())) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < arg.length(); i++) {
                char c = arg.charAt(i);
                if (c == '$') {
                    assertTrue(i + 1 < arg.length() && arg.charAt(i + 1) == '$', "unescaped $ would expand at exec time: " + arg);
                    i++;
                }
                s.append(c);
            }
            out.add(s.toString());
        }
        return out;
    }

    private static String yamlList(List<String> items) {
        return items.stream().map(EncodeRoundTripTest::yamlString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A YAML double-quoted scalar holding exactly the string. */
    static String yamlString(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || c == 0xfeff || c == 0x200b || c == 0x202e) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}
