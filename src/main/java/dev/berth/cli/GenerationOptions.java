package dev.berth.cli;

import dev.berth.apply.Generations;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How many generations apply, destroy and rollback keep (see {@link Generations}). */
final class GenerationOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private int keep = Generations.KEEP_DEFAULT;

    @Option(names = "--keep-generations", paramLabel = "K", description = "Keep the last K generations to roll back to, "
            + "this one included (default: " + Generations.KEEP_DEFAULT + "); older ones are forgotten.")
    void keep(int keep) {
        if (keep < 1) {
            throw new ParameterException(command.commandLine(), "--keep-generations must be at least 1 (the generation "
                    + "being made), not " + keep);
        }
        this.keep = keep;
    }

    int keep() {
        return keep;
    }
}
