package dev.berth.check;

import dev.berth.diag.Diagnostic;
import dev.berth.diag.Diagnostics;
import dev.berth.unit.ValueProblem;
import java.util.Optional;

/** Reports a value problem at a config path. */
final class Values {
    private Values() {
    }

    static void report(Optional<ValueProblem> problem, String path, Diagnostics diagnostics) {
        problem.ifPresent(p -> diagnostics.add(Diagnostic.error(p.code(), path, p.summary(), p.hint())));
    }
}
