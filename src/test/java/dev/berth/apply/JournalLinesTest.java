package dev.berth.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which journal's lines a failed probe shows: the container's, its guest root's files, or the host unit's. */
class JournalLinesTest {
    private static final List<String> OUTPUT_OPTIONS = List.of("-n", "20", "--no-pager", "-q", "-o", "short-iso");
    private static final Path ROOT = Path.of("/var/lib/machines/c000");
    private final List<List<String>> asked = new ArrayList<>();

    /** A journalctl that answers by the option that selects the journal (-M, --root=, -u). */
    private JournalLines answering(Map<String, CommandResult> bySelector) {
        return new JournalLines(argv -> {
            asked.add(argv);
            return bySelector.getOrDefault(argv.get(1), new CommandResult(1, "No machine 'c000' known\n"));
        });
    }

    private static List<String> argv(String... selector) {
        List<String> argv = new ArrayList<>(List.of("journalctl"));
        argv.addAll(List.of(selector));
        argv.addAll(OUTPUT_OPTIONS);
        return argv;
    }

    @Test
    void theRunningContainersJournalComesFirst() {
        var excerpt = answering(Map.of("-M", new CommandResult(0, "2025-01-01T10:00:00+0000 c000 sshd[42]: listening\n")))
                .last("c000", ROOT, "c000.service").orElseThrow();
        assertEquals("journal of the container c000 (journalctl -M c000)", excerpt.heading());
        assertEquals(List.of("2025-01-01T10:00:00+0000 c000 sshd[42]: listening"), excerpt.lines());
        assertEquals(List.of(argv("-M", "c000")), asked);
    }

    @Test
    void aMachineThatIsNotThereIsReadFromItsGuestRootsJournalFiles() {
        var excerpt = answering(Map.of("--root=/var/lib/machines/c000", new CommandResult(0, "a\nb\n\n")))
                .last("c000", ROOT, "c000.service").orElseThrow();
        assertEquals("journal files in the guest root of c000 (journalctl --root=/var/lib/machines/c000)", excerpt.heading());
        assertEquals(List.of("a", "b"), excerpt.lines());
        assertEquals(List.of(argv("-M", "c000"), argv("--root=/var/lib/machines/c000")), asked);
    }

    @Test
    void emptyJournalsFallThroughToTheHostUnitsLines() {
        var excerpt = answering(Map.of(
                "-M", new CommandResult(0, ""),
                "--root=/var/lib/machines/c000", new CommandResult(0, "\n"),
                "-u", new CommandResult(0, "systemd-nspawn[7]: Directory /var/lib/machines/c000 doesn't look like an OS root\n")))
                .last("c000", ROOT, "c000.service").orElseThrow();
        assertEquals("journal of the host unit c000.service (journalctl -u c000.service)", excerpt.heading());
        assertEquals(1, excerpt.lines().size());
        assertEquals(List.of(argv("-M", "c000"), argv("--root=/var/lib/machines/c000"), argv("-u", "c000.service")), asked);
    }

    @Test
    void noJournalWithLinesIsNothingToShow() {
        assertEquals(Optional.empty(), answering(Map.of("-u", new CommandResult(127, "journalctl: not found")))
                .last("c000", ROOT, "c000.service"));
        assertEquals(3, asked.size());
        assertThrows(IllegalArgumentException.class, () -> answering(Map.of()).last("c000", Path.of("srv/c000"), "c000.service"));
    }
}
