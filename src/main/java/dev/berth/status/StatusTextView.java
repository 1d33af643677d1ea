package dev.berth.status;

import dev.berth.apply.Generations.Generation;
import dev.berth.probe.ProbeRecord;
import dev.berth.probe.ProbeTextView;
import dev.berth.status.HostStatus.ContainerStatus;
import dev.berth.status.HostStatus.FilesState;
import dev.berth.status.HostStatus.SocketStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * {@code berth status} for people: what the root is and which config was applied there, one line per container in
 * the config's order, the root's generations, then the verdict on the sockets. Each is a section of its own.
 */
public final class StatusTextView {
    private static final String NONE = "-";

    public String render(HostStatus status, String config) {
        StringBuilder out = new StringBuilder();
        header(status, config, out);
        out.append('\n');
        containers(status, out);
        out.append('\n');
        probes(status.probes(), out);
        out.append(generations(status.generations())).append('\n');
        if (status.live()) {
            out.append(verdict(status)).append('\n');
        }
        return out.toString();
    }

    private static void header(HostStatus status, String config, StringBuilder out) {
        out.append("Status of ").append(status.root()).append(status.live() ? " (live host)" : " (offline root: files only; "
                + "nothing runs there, so there is no socket or container state)").append(" for ").append(config)
                .append(": ").append(count(status.containers().size(), "container")).append(".\n");
        out.append(applied(status)).append('\n');
    }

    private static void containers(HostStatus status, StringBuilder out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(status.live()
                ? List.of("CONTAINER", "LISTENS ON", "SOCKET", "CONTAINER STATE", "SINCE", "ACCEPTED", "OPEN", "MEMORY", "IDLE-STOP", "FILES")
                : List.of("CONTAINER", "LISTENS ON", "IDLE-STOP", "FILES"));
        for (ContainerStatus c : status.containers()) {
            rows.add(status.live() ? liveRow(c) : List.of(c.name(), listens(c), c.idleStop().orElse(NONE), files(c)));
        }
        table(rows, out);
    }

    /** The last probe of each port, a line each, when an apply probed any. */
    private static void probes(ProbesStatus probes, StringBuilder out) {
        probes.unreadable().ifPresent(why -> out.append("The probe results cannot be read: ").append(why)
                .append("; the next apply that probes writes them again.\n"));
        for (ProbeRecord r : probes.last()) {
            out.append("probe ").append(r.container()).append('/').append(r.port()).append(": ")
                    .append(r.ok() ? "ok in " : "FAILED after ").append(ProbeTextView.seconds(r.millis()))
                    .append(" (").append(r.time()).append(", after the ").append(r.after()).append("): ")
                    .append(r.detail()).append('\n');
        }
        if (!probes.last().isEmpty() || probes.unreadable().isPresent()) {
            out.append('\n');
        }
    }

    /** One line: the current generation, the ones kept, where a rollback goes, and a generation left pending. */
    static String generations(GenerationsStatus generations) {
        if (generations.unreadable().isPresent()) {
            return "The generations cannot be read: " + generations.unreadable().get() + "; berth apply says how to go on.";
        }
        String pending = generations.pending().isEmpty() ? ""
                : "an apply was cut off: generation " + generations.pending().getAsInt() + " is pending; apply again.";
        if (generations.current().isEmpty()) {
            return "No generations: " + (pending.isEmpty() ? "no apply has changed this root." : pending);
        }
        Generation current = generations.current().get();
        List<String> kept = generations.kept().stream().map(g -> Integer.toString(g.number())).toList();
        String line = "Generation " + current.number() + " of " + current.number() + " (" + current.time() + "), "
                + kept.size() + " kept: " + String.join(" ", kept) + "; berth rollback "
                + generations.previous().map(g -> "returns to " + g.number() + ".").orElse("has none before it to return to.");
        return pending.isEmpty() ? line : line + " A" + pending.substring(1);
    }

    private static String verdict(HostStatus status) {
        List<String> silent = status.sockets().stream().filter(s -> !s.listening()).map(SocketStatus::unit).toList();
        int sockets = status.sockets().size();
        return silent.isEmpty() ? "Every socket listens (" + count(sockets, "socket") + ")."
                : silent.size() + " of " + count(sockets, "socket") + " not listening: " + abbreviated(silent)
                + ". berth apply starts berth's sockets that are not listening; systemctl status UNIT says why one failed.";
    }

    private static String applied(HostStatus status) {
        if (!status.applied()) {
            return "berth has applied nothing here: berth apply installs the config.";
        }
        return status.sameConfig().map(same -> same ? "Last applied from this very config."
                : "The config is not the one last applied (or berth was updated since): berth plan shows what would change.")
                .orElse("The manifest does not record which config was applied.");
    }

    private static List<String> liveRow(ContainerStatus c) {
        List<SocketStatus> sockets = c.sockets();
        long listening = sockets.stream().filter(SocketStatus::listening).count();
        String socket = sockets.isEmpty() ? "no socket" : listening == sockets.size() ? "listening"
                : sockets.size() == 1 ? sockets.get(0).state() : listening + " of " + sockets.size() + " listening";
        return List.of(c.name(), listens(c), socket, c.service().state(), c.service().since().orElse(NONE),
                sum(sockets, true), sum(sockets, false), c.service().memoryBytes().isPresent()
                        ? memory(c.service().memoryBytes().getAsLong()) : NONE,
                c.idleStop().orElse(NONE), files(c));
    }

    private static String listens(ContainerStatus c) {
        // where clients connect: idle-stop's backend socket is berth's plumbing, shown in --format json
        List<String> all = c.sockets().stream().filter(SocketStatus::front).flatMap(s -> s.listen().stream()).toList();
        return all.isEmpty() ? NONE : String.join(", ", all);
    }

    private static String sum(List<SocketStatus> sockets, boolean accepted) {
        long total = 0;
        boolean any = false;
        for (SocketStatus s : sockets) {
            OptionalLong n = accepted ? s.accepted() : s.connections();
            if (n.isPresent()) {
                total += n.getAsLong();
                any = true;
            }
        }
        return any ? Long.toString(total) : NONE;
    }

    private static String files(ContainerStatus c) {
        FilesState state = c.files().state();
        return switch (state) {
            case AS_APPLIED -> "as applied (" + count(c.files().count(), "file") + ")";
            case CHANGED -> "changed: " + abbreviated(c.files().changed());
            case NOT_APPLIED -> "not applied";
            case UNKNOWN -> "unknown (no stamps recorded)";
        };
    }

    /** As systemd shows memory: 1024-based, one decimal, B/K/M/G/T. */
    static String memory(long bytes) {
        String[] units = {"B", "K", "M", "G", "T"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + "B" : String.format(Locale.ROOT, "%.1f%s", value, units[unit]);
    }

    private static String abbreviated(List<String> items) {
        int shown = Math.min(items.size(), 3);
        return String.join(", ", items.subList(0, shown)) + (items.size() > shown ? " and " + (items.size() - shown) + " more" : "");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void table(List<List<String>> rows, StringBuilder out) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i)).append(i == row.size() - 1 ? "" : " ".repeat(widths[i] - row.get(i).length() + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
