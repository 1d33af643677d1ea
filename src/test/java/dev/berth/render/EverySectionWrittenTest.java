package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.load.Source;
import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.systemd.SystemdVerify;
import dev.berth.translate.PlacedUnit;
import dev.berth.tree.FileNode;
import dev.berth.tree.FileTree;
import dev.berth.tree.TreeWriter;
import dev.berth.unit.Section;
import dev.berth.unit.UnitKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No section the translator adds is left out of a file. {@code every-section.yaml} makes every section the
 * translator can add, in each form (book, modern, nspawn-unit) and each kind of file (service, socket, drop-in,
 * .nspawn), with an X- section through {@code settings} on containers, guest services and drop-ins; every
 * section of every unit it builds must be in the written file, and systemd must accept what is written.
 */
class EverySectionWrittenTest {
    private static final Source SOURCE = new Source("every-section.yaml", read("every-section.yaml"));

    @Test
    void everySectionOfEveryBuiltUnitIsInItsFileInOrder() {
        Map<PlacedUnit, String> written = UnitRoundTripTest.assertReadsBackAsBuilt(SOURCE);
        written.forEach((placed, text) -> assertEquals(
                placed.unit().sections().stream().map(s -> "[" + s.name() + "]").toList(),
                text.lines().filter(line -> line.startsWith("[")).toList(), placed.path()));
    }

    /** The config is as complete as it claims: each kind of file gets every section the translator gives it. */
    @Test
    void theConfigMakesEverySectionOfEveryKindOfFile() {
        Map<UnitKind, Set<String>> sections = new EnumMap<>(UnitKind.class);
        for (PlacedUnit placed : UnitRoundTripTest.assertReadsBackAsBuilt(SOURCE).keySet()) {
            placed.unit().sections().stream().map(Section::name)
                    .forEach(name -> sections.computeIfAbsent(placed.unit().kind(), k -> new TreeSet<>()).add(name));
        }
        assertEquals(Map.of(
                UnitKind.SERVICE, Set.of("Unit", "Service", "Install", "X-Custom"),
                UnitKind.SOCKET, Set.of("Unit", "Socket", "Install"),
                UnitKind.DROPIN, Set.of("Unit", "Service", "Socket", "Install", "X-Custom", "X-Host"),
                UnitKind.NSPAWN, Set.of("Exec", "Files", "Network")), sections);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "book form: service of the container, etc/systemd/system/book.service, X-Custom",
        "book form without ports: service of the container, etc/systemd/system/booted.service, X-Custom",
        "modern form: service of the container, etc/systemd/system/modern.service, X-Custom",
        "nspawn-unit form: the drop-in of the stock service, etc/systemd/system/systemd-nspawn@wiki.service.d/berth.conf, X-Custom",
        "nspawn-unit form without ports: the drop-in, etc/systemd/system/systemd-nspawn@machine.service.d/berth.conf, X-Custom",
        "guest service per connection, srv/book/etc/systemd/system/sshd@.service, X-Custom",
        "guest service started at boot, srv/book/etc/systemd/system/worker.service, X-Custom",
        "guest service of the modern form, srv/modern/etc/systemd/system/sshd@.service, X-Custom",
        "guest service of the nspawn-unit form, var/lib/machines/wiki/etc/systemd/system/httpd@.service, X-Custom",
        "guest drop-in of a service, srv/book/etc/systemd/system/sshd@.service.d/custom.conf, X-Custom",
        "guest drop-in of a socket, srv/book/etc/systemd/system/sshd.socket.d/custom.conf, X-Custom",
        "host drop-in of a service, etc/systemd/system/book.service.d/custom.conf, X-Host",
        "host drop-in of a socket, etc/systemd/system/book.socket.d/custom.conf, X-Host",
    })
    void anXSectionGivenInSettingsReachesTheFile(String what, String path, String section) {
        FileNode node = compile().entries().get(path);
        assertTrue(node instanceof FileNode.RegularFile, path + " must be written");
        String text = ((FileNode.RegularFile) node).content();
        assertTrue(text.contains("\n\n[" + section + "]\nFoo=bar\n"), what + ": " + path + " lacks [" + section + "]:\n" + text);
    }

    @Test
    void hostAndGuestUnitsVerifyCleanly(@TempDir Path tmp) throws Exception {
        assumeTrue(SystemdVerify.available(), "systemd-analyze is not installed");
        Config config = Berth.validate(SOURCE).value().orElseThrow();
        Path out = tmp.resolve("out");
        TreeWriter.write(compile(), out);
        verify("host", out.resolve("etc/systemd/system"), tmp.resolve("host-root"));
        for (Container c : config.containers()) {
            Path guestUnits = out.resolve(c.root().substring(1)).resolve("etc/systemd/system");
            if (Files.isDirectory(guestUnits)) {
                verify("guest " + c.name(), guestUnits, tmp.resolve("guest-root-" + c.name()));
            }
        }
    }

    private static void verify(String what, Path units, Path scratch) throws Exception {
        SystemdVerify.Outcome outcome = SystemdVerify.verify(units, scratch);
        assertFalse(outcome.units().isEmpty(), what + ": no units found in " + units);
        assertEquals("", outcome.stderr(), what + " units " + outcome.units() + " must verify without any message");
        assertEquals(0, outcome.exitCode(), what + ": systemd-analyze verify exit status");
    }

    private static FileTree compile() {
        Result<FileTree> result = Berth.compile(SOURCE);
        assertEquals(List.of(), result.diagnostics().sorted(), "every-section.yaml compiles without a finding");
        return result.value().orElseThrow();
    }

    private static String read(String name) {
        try (InputStream in = EverySectionWrittenTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
