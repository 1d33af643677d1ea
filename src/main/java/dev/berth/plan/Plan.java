package dev.berth.plan;

import dev.berth.diag.Diagnostic;
import dev.berth.diag.Severity;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything apply will do to one root, as data: views print it, apply carries it out and never plans again.
 *
 * @param root           the root, as shown to the user
 * @param live           whether it is the running host (systemctl actions) or offline (files only)
 * @param changes        file and link changes, sorted by path; apply performs them in this order
 * @param adopted        paths that are not berth's yet and become berth's (identical content, or {@code --adopt})
 * @param actions        systemctl calls and bootstraps, in the order apply runs them within each phase
 * @param actionNotes    why an action was left out (a unit not running, an offline root)
 * @param hostFacts      what was found about the target's systemd and kernel, one line each
 * @param diagnostics    warnings, and errors that make the plan impossible to apply
 * @param manifestBefore what berth owned when the plan was made
 * @param manifestAfter  what it owns once the plan is applied
 */
public record Plan(Path root, boolean live, List<Change> changes, List<String> adopted, List<SystemAction> actions,
                   List<String> actionNotes, List<String> hostFacts, List<Diagnostic> diagnostics,
                   Manifest manifestBefore, Manifest manifestAfter) {
    public Plan {
        changes = List.copyOf(changes);
        adopted = List.copyOf(adopted);
        actions = List.copyOf(actions);
        actionNotes = List.copyOf(actionNotes);
        hostFacts = List.copyOf(hostFacts);
        diagnostics = List.copyOf(diagnostics);
    }

    public long toAdd() {
        return count(Action.CREATE);
    }

    public long toChange() {
        return count(Action.UPDATE);
    }

    public long toDestroy() {
        return count(Action.DELETE);
    }

    private long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    /** Whether apply would change anything a user can see: files, links, or the state of units. */
    public boolean hasChanges() {
        return !changes.isEmpty() || !actions.isEmpty();
    }

    /** Whether apply would only update its own bookkeeping (files it takes over, entries of files already gone). */
    public boolean manifestChanges() {
        return !manifestBefore.equals(manifestAfter);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).toList();
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<SystemAction> actions(SystemAction.Phase phase) {
        return actions.stream().filter(a -> a.phase() == phase).toList();
    }
}
