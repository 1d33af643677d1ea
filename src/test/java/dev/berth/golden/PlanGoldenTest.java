package dev.berth.golden;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.apply.LocalRootFileSystem;
import dev.berth.load.Source;
import dev.berth.plan.Desired;
import dev.berth.plan.Plan;
import dev.berth.plan.PlanOptions;
import dev.berth.plan.PlanTextView;
import dev.berth.plan.Target;
import dev.berth.testing.Cases;
import dev.berth.testing.Cases.Case;
import java.nio.file.Path;
import java.util.List;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.namer.NamerWrapper;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan of every example against an empty root, compared with {@code golden/<example>/plan.approved.txt}.
 * The temporary root's path is replaced by {@code <root>} so the file is the same on every machine.
 */
class PlanGoldenTest {
    static final String ROOT_PLACEHOLDER = "<root>";

    @TempDir
    Path root;

    static List<Case> examples() {
        return Cases.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void planAgainstAnEmptyRootMatchesApproved(Case c) {
        Result<Desired> desired = Berth.desired(new Source("berth.yaml", c.text()));
        Plan plan = Berth.plan(desired.value().orElseThrow(), Target.offline(root, new LocalRootFileSystem(root)),
                PlanOptions.DEFAULT);
        String text = new PlanTextView(false).render(plan).replace(root.toString(), ROOT_PLACEHOLDER);
        Options options = new Options().withReporter(new QuietReporter())
                .forFile().withNamer(new NamerWrapper(() -> "plan", () -> c.goldenDir() + "/"));
        Approvals.verify(text, options);
    }
}
