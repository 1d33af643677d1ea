package dev.berth.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.load.Source;
import dev.berth.systemd.SystemdVerify;
import dev.berth.tree.FileNode;
import dev.berth.tree.FileTree;
import dev.berth.tree.TreeWriter;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
import dev.berth.unit.UnitParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small config per option of the table, with the lines it must produce: {@code ## assert-key-is FILE SECTION
 * KEY=VALUE} (the value is the rest of the line). Each compiles without a diagnostic, holds those lines, and its
 * units pass {@code systemd-analyze verify}.
 */
class OptionCasesTest {
    private static final Path CASES = Path.of("src/test/resources/dev/berth/option/cases");

    record Expected(String file, String section, String key, String value) {
    }

    static List<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theOptionWritesItsLines(Path file, @TempDir Path tmp) throws Exception {
        String text = Files.readString(file);
        List<Expected> expected = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith("## assert-key-is ")) {
                String[] f = line.substring("## assert-key-is ".length()).split(" ", 3);
                int eq = f[2].indexOf('=');
                expected.add(new Expected(f[0], f[1], f[2].substring(0, eq), f[2].substring(eq + 1)));
            }
        }
        assertFalse(expected.isEmpty(), file + " asserts nothing");
        Result<FileTree> compiled = Berth.compile(new Source(file.getFileName().toString(), text));
        assertEquals(List.of(), compiled.diagnostics().all(), file + " must compile without a diagnostic");
        FileTree tree = compiled.value().orElseThrow();
        for (Expected e : expected) {
            FileNode node = tree.entries().get(e.file());
            FileNode.RegularFile unitFile = assertInstanceOf(FileNode.RegularFile.class, node, e.file() + " is not written");
            UnitFile unit = UnitParser.parse(e.file(), UnitKind.SERVICE, unitFile.content());
            assertTrue(unit.values(e.section(), e.key()).contains(e.value()),
                    e.file() + ": no " + e.key() + "=" + e.value() + " in [" + e.section() + "], found " + unit.values(e.section(), e.key()));
        }
        if (SystemdVerify.available()) {
            Path out = tmp.resolve("out");
            TreeWriter.write(tree, out);
            for (String dir : expected.stream().map(e -> unitDirectory(e.file())).distinct().toList()) {
                SystemdVerify.Outcome outcome = SystemdVerify.verify(out.resolve(dir), tmp.resolve("scratch-" + dir.hashCode()));
                assertEquals("", outcome.stderr(), dir + " must verify without any message");
            }
        }
    }

    /** The directory of the unit a file belongs to: a drop-in's is above its {@code NAME.d}. */
    private static String unitDirectory(String file) {
        String dir = file.substring(0, file.lastIndexOf('/'));
        return dir.endsWith(".d") ? dir.substring(0, dir.lastIndexOf('/')) : dir;
    }
}
