package dev.berth.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * One path whose state apply changes. {@code before} is what the planner saw on disk (apply checks it is
 * still there before it acts); {@code after} is what the path will hold.
 *
 * @param origin the config path the new state comes from; for deletions the manifest's path
 */
public record Change(Action action, String path, Optional<FileState> before, Optional<FileState> after, String origin) {
    public Change {
        Objects.requireNonNull(action);
        if (before.isPresent() == (action == Action.CREATE) || after.isPresent() == (action == Action.DELETE)) {
            throw new IllegalArgumentException(action + " " + path + ": before/after do not fit the action");
        }
    }

    /** {@code file} or {@code symlink}: what the path holds afterwards, or held before a deletion. */
    public String kind() {
        return after.or(() -> before).orElseThrow().kind();
    }

    /** An update that changes only the permission bits. */
    public boolean modeOnly() {
        return action == Action.UPDATE && before.get() instanceof FileState.Regular b
                && after.get() instanceof FileState.Regular a && a.sameContent(b) && a.mode() != b.mode();
    }
}
