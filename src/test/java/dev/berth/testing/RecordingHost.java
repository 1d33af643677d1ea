package dev.berth.testing;

import dev.berth.apply.CommandResult;
import dev.berth.apply.CommandRunner;
import dev.berth.apply.Systemctl;
import dev.berth.plan.Listener;
import dev.berth.plan.LiveHost;
import dev.berth.plan.UnitState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A pretend live host: records every systemctl call and command apply makes, and keeps which units are
 * active the way systemd would after start, restart and stop, each unit of a call on its own. Queries (show,
 * --version) are not in {@link #calls}; {@link #processes} counts every systemctl process, queries included.
 */
public final class RecordingHost implements Systemctl, LiveHost, CommandRunner {
    /** Each call as a command line, e.g. {@code systemctl start alpha.socket}. */
    public final List<String> calls = new ArrayList<>();
    public final Set<String> active = new HashSet<>();
    /** Command lines that fail (exit 1), e.g. {@code systemctl start alpha.socket}. */
    public final Set<String> failing = new HashSet<>();
    /**
     * Units whose start fails, as a port another process holds: a call naming one fails, and the call's other
     * units get where they were sent, as systemd's jobs do.
     */
    public final Set<String> failingToStart = new HashSet<>();
    /** Properties a query answers besides the states, per unit, e.g. {@code NAccepted}. */
    public final Map<String, Map<String, List<String>>> properties = new HashMap<>();
    public String version = "systemd 252 (252.22-1~deb12u1)";
    /** What the kernel's socket tables list, and who holds each socket by inode. */
    public final List<Listener> listeners = new ArrayList<>();
    public final Map<Long, String> holders = new HashMap<>();
    /** systemctl processes started: calls, status, the queries and --version. */
    public int processes;

    /** What a command (not systemctl) prints, by its first words: journalctl's lines for a failed probe. */
    public final Map<String, String> printing = new HashMap<>();

    /** A command such as a bootstrap. */
    @Override
    public CommandResult run(List<String> argv) {
        String line = String.join(" ", argv);
        CommandResult result = record(line);
        return printing.entrySet().stream().filter(e -> line.startsWith(e.getKey())).findFirst()
                .map(e -> new CommandResult(result.exitCode(), e.getValue())).orElse(result);
    }

    @Override
    public CommandResult call(List<String> args) {
        processes++;
        CommandResult result = record("systemctl " + String.join(" ", args));
        if (!result.ok() || args.size() < 2) {
            return result;
        }
        boolean someFailed = false;
        for (String unit : args.subList(1, args.size())) {
            switch (args.get(0)) {
                case "start", "restart" -> {
                    if (failingToStart.contains(unit)) {
                        active.remove(unit);
                        someFailed = true;
                    } else {
                        active.add(unit);
                    }
                }
                case "stop" -> active.remove(unit);
                default -> {
                }
            }
        }
        return someFailed ? new CommandResult(1, "Job for a unit failed. See \"systemctl status\" for details.") : result;
    }

    private CommandResult record(String line) {
        calls.add(line);
        return failing.contains(line) ? new CommandResult(1, "Job for the unit failed.") : new CommandResult(0, "");
    }

    @Override
    public String status(String unit) {
        processes++;
        return "x " + unit + " - pretend unit\n     Active: failed (Result: resources)";
    }

    @Override
    public Map<String, UnitState> units(Collection<String> units) {
        processes++;
        Map<String, UnitState> states = new LinkedHashMap<>();
        for (String unit : units) {
            Map<String, List<String>> shown = new LinkedHashMap<>(properties.getOrDefault(unit, Map.of()));
            shown.put("Id", List.of(unit));
            shown.put("LoadState", List.of("loaded"));
            boolean on = active.contains(unit);
            shown.put("ActiveState", List.of(on ? "active" : failingToStart.contains(unit) ? "failed" : "inactive"));
            shown.put("SubState", List.of(on ? (unit.endsWith(".socket") ? "listening" : "running")
                    : failingToStart.contains(unit) ? "failed" : "dead"));
            states.put(unit, new UnitState(unit, shown));
        }
        return states;
    }

    @Override
    public Map<String, UnitState> properties(Collection<String> units) {
        return units(units);
    }

    @Override
    public Map<String, List<String>> listening(Collection<String> sockets) {
        processes++;
        Map<String, List<String>> listens = new LinkedHashMap<>();
        sockets.forEach(s -> listens.put(s, active.contains(s) ? properties.getOrDefault(s, Map.of()).getOrDefault("Listen", List.of())
                : List.of()));
        return listens;
    }

    @Override
    public List<Listener> listeners() {
        return listeners;
    }

    @Override
    public Map<Long, String> holders(Collection<Long> inodes) {
        Map<Long, String> found = new HashMap<>();
        inodes.stream().filter(holders::containsKey).forEach(i -> found.put(i, holders.get(i)));
        return found;
    }

    @Override
    public Optional<String> systemdVersion() {
        processes++;
        return Optional.ofNullable(version);
    }
}
