package dev.berth.cli;

import dev.berth.plan.SavedPlan;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth show PLANFILE}: a saved plan, printed as plan printed it. Reads only the file. */
@Command(name = "show", mixinStandardHelpOptions = true,
        header = "Show a plan saved by berth plan -o.",
        description = {"Show a plan saved by berth plan -o, as berth plan showed it (--format json: the plan's JSON "
                + "document). Reads only the file: whether the root still holds what the plan saw is checked by "
                + "berth apply PLANFILE."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:shown", "1:the file is not a plan berth saved, or cannot be read", "3:internal error in berth"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth show web.plan", "  berth show web.plan --format json"})
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "PLANFILE", description = "The plan saved by berth plan -o.")
    Path file;

    @Override
    public Integer call() {
        Installation installation = new Installation(spec, output, false, false);
        Optional<SavedPlan> saved = new SavedPlanUse(installation).read(file);
        if (saved.isEmpty()) {
            return 1;
        }
        installation.showPlan(saved.get().plan());
        return 0;
    }
}
