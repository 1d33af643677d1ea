package dev.berth.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanTextViewTest {
    private static Plan plan(List<Change> changes, List<SystemAction> actions) {
        return new Plan(Path.of("/"), true, changes, List.of(), actions, List.of(), List.of(), List.of(),
                Manifest.empty(), Manifest.empty());
    }

    @Test
    void showsLinkModeAndKindChangesAndDeletions() {
        FileState.Regular text = FileState.Regular.of("a\n", 0644);
        List<Change> changes = List.of(
                new Change(Action.UPDATE, "l", Optional.of(new FileState.Link("../a")), Optional.of(new FileState.Link("../b")), "/x"),
                new Change(Action.UPDATE, "m", Optional.of(FileState.Regular.of("a\n", 0600)), Optional.of(text), "/x"),
                new Change(Action.UPDATE, "k", Optional.of(new FileState.Link("../a")), Optional.of(text), "/x"),
                new Change(Action.DELETE, "d", Optional.of(text), Optional.empty(), ""));

        String out = new PlanTextView(false).render(plan(changes, List.of(
                SystemAction.systemctl(SystemAction.Phase.BEFORE_FILES, "left the config", "stop", "d.socket"))));

        assertTrue(out.startsWith("berth will perform the following actions on / (live host):\n\n"), out);
        assertTrue(out.contains("  ~ l -> ../b (was a link to ../a)\n"), out);
        assertTrue(out.contains("  ~ m (mode 0600 -> 0644)\n  ~ k"), out);
        assertTrue(out.contains("  ~ k (0644, was a link to ../a)\n      + a\n"), out);
        assertTrue(out.contains("  - d (0644)\n"), out);
        assertTrue(out.contains("  systemctl stop d.socket  # before the files: left the config\n"), out);
        assertTrue(out.endsWith("Plan: 0 to add, 3 to change, 1 to destroy.\n"), out);
    }

    @Test
    void noChangesIsSaidExplicitly() {
        assertEquals("No changes. / matches the configuration.\n", new PlanTextView(false).render(plan(List.of(), List.of())));
    }

    @Test
    void colourOnlyWhenAsked() {
        Change create = new Change(Action.CREATE, "f", Optional.empty(), Optional.of(FileState.Regular.of("x\n", 0644)), "/");
        assertTrue(new PlanTextView(true).render(plan(List.of(create), List.of())).contains("\u001b[32m+ f\u001b[0m"));
        assertTrue(!new PlanTextView(false).render(plan(List.of(create), List.of())).contains("\u001b["));
    }

    @Test
    void commentsLineUpAfterShortCommandsOnlyNotAfterACallOnManyUnits() {
        String[] start = new String[201];
        start[0] = "start";
        for (int i = 0; i < 200; i++) {
            start[i + 1] = "c" + i + ".socket";
        }
        String out = new PlanTextView(false).render(plan(List.of(), List.of(
                SystemAction.systemctl(SystemAction.Phase.AFTER_FILES, "host unit files changed", "daemon-reload"),
                SystemAction.systemctl(SystemAction.Phase.AFTER_FILES, "its settings changed", "restart", "web.socket"),
                SystemAction.systemctl(SystemAction.Phase.AFTER_FILES, "new socket", start))));
        assertTrue(out.contains("  systemctl daemon-reload       # host unit files changed\n"
                + "  systemctl restart web.socket  # its settings changed\n"
                + "  systemctl start c0.socket c1.socket "), out);
        assertTrue(out.contains(" c199.socket  # new socket\n"), out);
    }
}
