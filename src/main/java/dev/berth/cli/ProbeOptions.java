package dev.berth.cli;

import picocli.CommandLine.Option;

/** Whether apply probes the ports of the containers it changed, and what it does when one does not answer. */
final class ProbeOptions {
    @Option(names = "--probe", negatable = true, description = "Probe every port whose container the apply changed and "
            + "that declares a probe (ports: NAME: probe:), after the system actions, and exit 1 when one does not answer. "
            + "Default: on the live host when the config declares a probe; --no-probe turns it off.")
    Boolean probe;

    @Option(names = "--rollback-on-failure", description = "When a probe fails, or a system action fails once the files "
            + "are in place: return to the generation before this apply, as berth rollback would, and probe again. The "
            + "exit status stays 1: the change asked for did not hold.")
    boolean rollbackOnFailure;

    /** A contradiction in the flags, in words, or null. */
    String conflict(boolean live) {
        if (Boolean.TRUE.equals(probe) && !live) {
            return "--probe needs the live host (--root /): nothing runs below another root, so nothing would answer";
        }
        if (Boolean.FALSE.equals(probe) && rollbackOnFailure) {
            return "--rollback-on-failure rolls back when a probe fails: it cannot go with --no-probe";
        }
        return null;
    }

    /** Whether to probe: as asked, else on the live host only. */
    boolean wanted(boolean live) {
        return probe == null ? live : probe;
    }
}
