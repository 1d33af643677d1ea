package dev.berth.plan;

import dev.berth.diag.Diagnostic;
import dev.berth.render.Renderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A plan for people, in the manner of terraform:
 * <pre>
 * berth will perform the following actions on / (live host):
 *
 *   + etc/systemd/system/mycontainer.socket (0644)
 *       + [Socket]
 *       + ListenStream=23
 *   ~ etc/systemd/system/mycontainer.service (0644)
 *       &#64;&#64; -6,3 +6,3 &#64;&#64;
 *       -ExecStart=/usr/bin/systemd-nspawn -jbD /srv/mycontainer 3
 *       +ExecStart=/usr/bin/systemd-nspawn -jbD /srv/mycontainer 5
 *   + etc/systemd/system/sockets.target.wants/mycontainer.socket -> ../mycontainer.socket
 *
 * System actions:
 *   systemctl daemon-reload                # host unit files changed
 *   systemctl start mycontainer.socket     # new socket
 *
 * Plan: 2 to add, 1 to change, 0 to destroy.
 * </pre>
 * New files are shown whole: an admin reviews what lands on the host, not only that something does. The one
 * exception is a new NOTES.md, prose for people that would be most of a first plan: it is one line with its size
 * and where to read it, unless {@link #full} asks for it whole (changes to it are diffs as usual). The plan of
 * {@code berth destroy} speaks of what is removed.
 */
public final class PlanTextView {
    private final boolean color;
    private final boolean full;
    private final boolean destroy;

    public PlanTextView(boolean color) {
        this(color, false, false);
    }

    private PlanTextView(boolean color, boolean full, boolean destroy) {
        this.color = color;
        this.full = full;
        this.destroy = destroy;
    }

    /** Shows a new NOTES.md whole too, as every other new file. */
    public PlanTextView full(boolean whole) {
        return new PlanTextView(color, whole, destroy);
    }

    /** For the plan of {@code berth destroy}: what is removed, nothing of notes to read. */
    public PlanTextView destroying() {
        return new PlanTextView(color, full, true);
    }

    public String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        if (!plan.hasChanges() && destroy && !plan.manifestChanges()) {
            out.append(paint("1;32", "Nothing to destroy:")).append(" berth has installed nothing in ").append(plan.root())
                    .append(".\n");
            return out.toString();
        }
        if (!plan.hasChanges()) {
            warnings(plan, out);
            if (plan.manifestChanges() && !plan.adopted().isEmpty()) {
                out.append("berth takes over ").append(plan.adopted().size()).append(plan.adopted().size() == 1 ? " file" : " files")
                        .append(" that already hold what it would write; only its manifest changes.\n\n");
            }
            out.append(paint("1;32", "No changes.")).append(' ').append(plan.root()).append(" matches the configuration.\n");
            return out.toString();
        }
        out.append(destroy ? "berth will destroy what it installed in " : "berth will perform the following actions on ")
                .append(plan.root()).append(plan.live() ? " (live host):" : " (offline root: files only):").append("\n\n");
        Set<String> adopted = new HashSet<>(plan.adopted());
        for (Change c : plan.changes()) {
            change(c, adopted.contains(c.path()), plan.root(), out);
        }
        if (plan.changes().isEmpty()) {
            out.append("  (no file changes)\n");
        }
        out.append('\n');
        actions(plan, out);
        hostFacts(plan, out);
        warnings(plan, out);
        if (destroy) {
            out.append(paint("1", "Plan: " + plan.toDestroy() + " to destroy.")).append('\n');
            return out.toString();
        }
        out.append("Notes: ").append(Renderer.NOTES_PATH).append(" under the root says what berth cannot do ")
                .append("for you (kernel options, guest systems, entering containers).\n\n");
        out.append(paint("1", "Plan: " + plan.toAdd() + " to add, " + plan.toChange() + " to change, "
                + plan.toDestroy() + " to destroy.")).append('\n');
        return out.toString();
    }

    private void change(Change c, boolean adopted, Path root, StringBuilder out) {
        String colour = switch (c.action()) {
            case CREATE -> "32";
            case UPDATE -> "33";
            case DELETE -> "31";
        };
        out.append("  ").append(paint(colour, c.action().symbol() + " " + c.path()));
        FileState shown = c.after().or(c::before).orElseThrow();
        if (shown instanceof FileState.Link link) {
            out.append(" -> ").append(link.target());
            c.before().filter(b -> c.action() == Action.UPDATE).ifPresent(b -> out.append(" (was ").append(was(b)).append(')'));
        } else if (shown instanceof FileState.Regular file) {
            FileState previous = c.action() == Action.UPDATE ? c.before().get() : null;
            out.append(" (").append(c.modeOnly() ? "mode " : "");
            if (previous instanceof FileState.Regular b && b.mode() != file.mode()) {
                out.append(FileState.octal(b.mode())).append(" -> ");
            }
            out.append(FileState.octal(file.mode()));
            if (previous instanceof FileState.Link) {
                out.append(", was ").append(was(previous));
            }
            out.append(')');
        }
        if (adopted) {
            out.append(" (taken over: not written by berth)");
        }
        out.append('\n');
        for (String line : full || !isNewNotes(c) ? body(c) : notesSummary(c, root)) {
            out.append(paintLine(line, ("      " + line).stripTrailing())).append('\n'); // a blank context line is " "
        }
    }

    private static boolean isNewNotes(Change c) {
        return c.action() == Action.CREATE && c.path().equals(Renderer.NOTES_PATH)
                && c.after().get() instanceof FileState.Regular;
    }

    /** A new NOTES.md in one line: its size, and where to read it. */
    private static List<String> notesSummary(Change c, Path root) {
        String text = ((FileState.Regular) c.after().get()).text().orElse("");
        long lines = text.lines().count();
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        return List.of("(" + lines + (lines == 1 ? " line, " : " lines, ") + bytes + (bytes == 1 ? " byte" : " bytes")
                + ": what berth cannot do for you; read them with --full, or in " + root.resolve(Renderer.NOTES_PATH)
                + " after apply)");
    }

    private static String was(FileState before) {
        return before instanceof FileState.Link l ? "a link to " + l.target() : "a file";
    }

    /** The lines under a change: new files whole, updates as unified hunks, deletions and links as nothing. */
    static List<String> body(Change c) {
        if (c.action() == Action.DELETE || !(c.after().get() instanceof FileState.Regular after) || c.modeOnly()) {
            return List.of();
        }
        String newText = after.text().orElse("");
        if (c.action() == Action.CREATE || !(c.before().get() instanceof FileState.Regular before)) {
            return TextDiff.lines(newText).stream()
                    .map(l -> l.equals(TextDiff.NO_NEWLINE) ? l : l.isEmpty() ? "+" : "+ " + l).toList();
        }
        if (before.text().isEmpty()) {
            return List.of("(the file there is not UTF-8 text or is large: sha256 " + before.sha256() + " becomes "
                    + after.sha256() + ")");
        }
        return TextDiff.hunks(before.text().get(), newText);
    }

    /** Commands up to this long have their comments lined up. */
    private static final int ALIGNED = 72;

    private void actions(Plan plan, StringBuilder out) {
        // an offline root's notes are about how its units get started, which a destroy does not care for
        if (plan.actions().isEmpty() && (plan.actionNotes().isEmpty() || destroy && !plan.live())) {
            return;
        }
        out.append(paint("1", "System actions:")).append(plan.actions().isEmpty() ? " none" : "").append('\n');
        // the comments line up after the commands, but not after a call on a thousand units
        int width = plan.actions().stream().mapToInt(a -> a.command().shell().length()).filter(n -> n <= ALIGNED)
                .max().orElse(0);
        for (SystemAction a : plan.actions()) {
            String command = a.command().shell();
            out.append("  ").append(command).append(" ".repeat(Math.max(0, width - command.length()))).append("  # ")
                    .append(a.phase() == SystemAction.Phase.BEFORE_FILES ? "before the files: " : "").append(a.why()).append('\n');
        }
        for (String note : plan.actionNotes()) {
            out.append("  # ").append(note).append('\n');
        }
        out.append('\n');
    }

    private void hostFacts(Plan plan, StringBuilder out) {
        if (plan.hostFacts().isEmpty()) {
            return;
        }
        out.append(paint("1", "Host:")).append('\n');
        plan.hostFacts().forEach(f -> out.append("  ").append(f).append('\n'));
        out.append('\n');
    }

    private void warnings(Plan plan, StringBuilder out) {
        List<Diagnostic> warnings = plan.warnings();
        if (warnings.isEmpty()) {
            return;
        }
        out.append(paint("1;33", "Warnings:")).append('\n');
        for (Diagnostic d : warnings) {
            out.append("  ").append(paint("1;33", "warning[" + d.code().id() + "]")).append(": ").append(d.summary()).append('\n');
            if (!d.hint().isEmpty()) {
                out.append("    hint: ").append(d.hint()).append('\n');
            }
        }
        out.append('\n');
    }

    /** Colours a body line by its diff marker; {@code shown} is what is printed. */
    private String paintLine(String line, String shown) {
        if (line.startsWith("@@")) {
            return paint("36", shown);
        }
        if (line.startsWith("+")) {
            return paint("32", shown);
        }
        if (line.startsWith("-")) {
            return paint("31", shown);
        }
        return shown;
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
