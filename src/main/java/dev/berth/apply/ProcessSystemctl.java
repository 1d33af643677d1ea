package dev.berth.apply;

import dev.berth.plan.LiveHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The live host's systemd, through {@code systemctl} processes: the commands apply runs and the queries plan makes. */
public final class ProcessSystemctl implements Systemctl, LiveHost {
    private final CommandRunner runner;

    public ProcessSystemctl(CommandRunner runner) {
        this.runner = runner;
    }

    @Override
    public CommandResult call(List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add("systemctl");
        argv.addAll(args);
        return runner.run(argv);
    }

    @Override
    public String status(String unit) {
        // exits non-zero for any unit that is not running, which is when it is wanted: only the text counts
        return call(List.of("status", "--no-pager", "--full", "--lines=15", unit)).output();
    }

    @Override
    public boolean isActive(String unit) {
        return call(List.of("is-active", "--quiet", unit)).ok();
    }

    @Override
    public Optional<String> systemdVersion() {
        CommandResult result = call(List.of("--version"));
        return result.ok() ? result.output().lines().findFirst() : Optional.empty();
    }
}
