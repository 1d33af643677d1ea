package dev.berth.cli;

import dev.berth.apply.LocalRootFileSystem;
import dev.berth.plan.Target;
import dev.berth.testing.RecordingHost;

/** A temporary root standing in for a live host's /, with a recording systemctl, for the commands run in-process. */
final class LiveHostStandIn {
    private LiveHostStandIn() {
    }

    /** From now on the commands treat every root as a live host answered by {@code host}. */
    static void install(RecordingHost host) {
        Hosts.factory = r -> {
            LocalRootFileSystem files = new LocalRootFileSystem(r);
            return new Hosts.Host(new Target(r, true, files, host), files, host, host);
        };
    }

    /** Back to the real hosts. */
    static void remove() {
        Hosts.factory = Hosts.REAL;
    }
}
