package dev.berth.probe;

import java.util.List;
import java.util.Locale;

/**
 * Probe results for people, a line per port with its time to answer:
 * <pre>
 * Probes after the apply (1 of 2 ports failed):
 *   ok      web/ssh   banner on 127.0.0.1:23   1.31 s  SSH-2.0-OpenSSH_9.2p1 Debian-2
 *   FAILED  db/ssh    banner on 127.0.0.1:24   0.84 s  the connection was closed before a line came
 *           journal of the container db (journalctl -M db):
 *           | 2026-12-06T05:50:01+0000 db systemd[1]: sshd@0.service: Failed to execute /usr/sbin/sshd-x
 * </pre>
 */
public final class ProbeTextView {
    private static final String JOURNAL_INDENT = "          ";

    public String render(String after, List<ProbeAnswer> answers) {
        long failed = answers.stream().filter(a -> !a.record().ok()).count();
        StringBuilder out = new StringBuilder("\nProbes after the ").append(after).append(" (")
                .append(failed == 0 ? all(answers.size()) + " answered" : failed + " of " + ports(answers.size()) + " failed")
                .append("):\n");
        int name = answers.stream().mapToInt(a -> a.record().container().length() + a.record().port().length() + 1).max().orElse(0);
        int where = answers.stream().mapToInt(a -> where(a.record()).length()).max().orElse(0);
        for (ProbeAnswer a : answers) {
            ProbeRecord r = a.record();
            out.append("  ").append(pad(r.ok() ? "ok" : "FAILED", 8)).append(pad(r.container() + "/" + r.port(), name + 2))
                    .append(pad(where(r), where + 2)).append(pad(seconds(r.millis()), 8)).append(r.detail()).append('\n');
            if (!a.journal().isEmpty()) {
                out.append(JOURNAL_INDENT).append(a.journal().get(0)).append('\n');
                a.journal().stream().skip(1).forEach(line -> out.append(JOURNAL_INDENT).append("| ").append(line).append('\n'));
            }
        }
        return out.toString();
    }

    private static String all(int n) {
        return n == 1 ? "the port" : "all " + n + " ports";
    }

    private static String ports(int n) {
        return n == 1 ? "1 port" : n + " ports";
    }

    private static String where(ProbeRecord r) {
        return r.kind() + " on " + r.address();
    }

    /** Seconds with two decimals, as a time to answer reads best. */
    public static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
