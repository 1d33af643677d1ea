package dev.berth.testing;

import dev.berth.apply.CommandResult;
import dev.berth.apply.CommandRunner;
import dev.berth.apply.Systemctl;
import dev.berth.plan.LiveHost;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pretend live host: records every systemctl call and command apply makes, and keeps which units are
 * active the way systemd would after start, restart and stop. Queries (is-active, --version) are not recorded.
 */
public final class RecordingHost implements Systemctl, LiveHost, CommandRunner {
    /** Each call as a command line, e.g. {@code systemctl start alpha.socket}. */
    public final List<String> calls = new ArrayList<>();
    public final Set<String> active = new HashSet<>();
    /** Command lines that fail (exit 1), e.g. {@code systemctl start alpha.socket}. */
    public final Set<String> failing = new HashSet<>();
    public String version = "systemd 252 (252.22-1~deb12u1)";

    /** A command such as a bootstrap. */
    @Override
    public CommandResult run(List<String> argv) {
        return record(String.join(" ", argv));
    }

    @Override
    public CommandResult call(List<String> args) {
        CommandResult result = record("systemctl " + String.join(" ", args));
        if (result.ok() && args.size() == 2) {
            switch (args.get(0)) {
                case "start", "restart" -> active.add(args.get(1));
                case "stop" -> active.remove(args.get(1));
                default -> {
                }
            }
        }
        return result;
    }

    private CommandResult record(String line) {
        calls.add(line);
        return failing.contains(line) ? new CommandResult(1, "Job for the unit failed.") : new CommandResult(0, "");
    }

    @Override
    public String status(String unit) {
        return "x " + unit + " - pretend unit\n     Active: failed (Result: resources)";
    }

    @Override
    public boolean isActive(String unit) {
        return active.contains(unit);
    }

    @Override
    public Optional<String> systemdVersion() {
        return Optional.ofNullable(version);
    }
}
