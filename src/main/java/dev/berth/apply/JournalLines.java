package dev.berth.apply;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last lines of a container's journal, shown under a failed probe: what the guest logged while it booted is most
 * often why its port did not answer. Three journals are asked in turn, and the first with lines wins:
 * <ol>
 * <li>the running container's, through the machine ({@code journalctl -M MACHINE});</li>
 * <li>the journal files in its guest root ({@code journalctl --root=GUESTROOT}): a machine that is not registered,
 *     or already stopped, cannot be asked, but the files it wrote are still there;</li>
 * <li>the host unit's own lines ({@code journalctl -u UNIT}): systemd-nspawn's, when the guest wrote none, such as
 *     a guest that never booted.</li>
 * </ol>
 * All three options are systemd 252's (journalctl(1)).
 */
public final class JournalLines {
    /** As many lines as fit under a failed probe and still show a failed boot's last steps. */
    static final int LINES = 20;

    private final CommandRunner runner;

    /** One journal to ask: whose it is, and the options of journalctl that select it. */
    private record Journal(String source, List<String> selector) {
    }

    /**
     * Lines of one journal and where they came from.
     *
     * @param source  whose journal, in words ("journal of the container c000")
     * @param command the journalctl call that reads it, without the output options ("journalctl -M c000")
     * @param lines   the lines, oldest first
     */
    public record Excerpt(String source, String command, List<String> lines) {
        public Excerpt {
            lines = List.copyOf(lines);
        }

        /** {@code journal of the container c000 (journalctl -M c000)}: the heading the lines go under. */
        public String heading() {
            return source + " (" + command + ")";
        }
    }

    public JournalLines(CommandRunner runner) {
        this.runner = runner;
    }

    /**
     * The last lines of the first journal that has any.
     *
     * @param machine   the name the container runs under
     * @param guestRoot the guest's root, absolute
     * @param hostUnit  the host unit that runs the container
     * @return empty when none of the three answered with a line
     */
    public Optional<Excerpt> last(String machine, Path guestRoot, String hostUnit) {
        if (!guestRoot.isAbsolute()) {
            throw new IllegalArgumentException("the guest root " + guestRoot + " is not an absolute path");
        }
        List<Journal> journals = List.of(
                new Journal("journal of the container " + machine, List.of("-M", machine)),
                new Journal("journal files in the guest root of " + machine, List.of("--root=" + guestRoot)),
                new Journal("journal of the host unit " + hostUnit, List.of("-u", hostUnit)));
        for (Journal journal : journals) {
            List<String> argv = new ArrayList<>();
            argv.add("journalctl");
            argv.addAll(journal.selector());
            // -q: no "-- No entries --" or "-- Boot ... --" lines; short-iso: times that sort and say their zone
            argv.addAll(List.of("-n", Integer.toString(LINES), "--no-pager", "-q", "-o", "short-iso"));
            CommandResult result = runner.run(argv);
            List<String> lines = result.ok() ? lines(result.output()) : List.of();
            if (!lines.isEmpty()) {
                String command = "journalctl " + String.join(" ", journal.selector());
                return Optional.of(new Excerpt(journal.source(), command, lines));
            }
        }
        return Optional.empty();
    }

    /** The output's lines, without the empty ones: an empty journal prints nothing, or a bare line end. */
    private static List<String> lines(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
