package dev.berth.cli;

import dev.berth.plan.PlanOptions;
import picocli.CommandLine.Option;

/** Choices plan and apply share, so that a plan shows exactly what the same apply would do. */
final class InstallOptions {
    @Option(names = "--adopt", description = "Take over files that exist, were not written by berth and differ "
            + "(they are refused otherwise). Files that already hold what berth would write are taken over anyway.")
    boolean adopt;

    @Option(names = "--bootstrap", description = "Create missing guest systems with the bootstrap command from "
            + "NOTES.md (needs guest.os). Below another root the command targets the guest root inside it.")
    boolean bootstrap;

    @Option(names = "--checksum", description = "Compile the config and read every installed file, even when the root "
            + "was last applied from this very config by this build of berth: then, by default, each file's size, time, "
            + "inode and mode as berth's manifest recorded them stand for its content.")
    boolean checksum;

    @Option(names = "--full", description = "Show a new var/lib/berth/NOTES.md whole in the plan, as every other new "
            + "file (by default it is one line with its size: prose about what berth cannot do for you).")
    boolean full;

    PlanOptions toPlanOptions() {
        return new PlanOptions(adopt, bootstrap);
    }
}
