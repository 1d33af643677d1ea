package dev.berth.apply;

import dev.berth.plan.LiveHost;
import dev.berth.plan.UnitState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The live host's systemd, through {@code systemctl} processes: the commands apply runs and the queries plan makes. */
public final class ProcessSystemctl implements Systemctl, LiveHost {
    /**
     * A unit name systemd accepts that names one unit: a template ({@code x@.service}) names none, and a name with
     * other characters would fail the whole query, so neither is asked about.
     */
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9:_.\\\\-]+(@[A-Za-z0-9:_.\\\\-]+)?\\.[a-z]+");
    /** Bytes of unit names per query: well inside the kernel's limit on a command line (ARG_MAX, 2 MiB here). */
    private static final int NAMES_PER_QUERY = 256 * 1024;

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
    public Map<String, UnitState> units(Collection<String> units) {
        // list-units takes glob patterns: a name with a backslash (systemd's escapes) is asked by show instead
        List<String> plain = units.stream().filter(u -> UNIT.matcher(u).matches() && !u.contains("\\")).toList();
        List<String> escaped = units.stream().filter(u -> UNIT.matcher(u).matches() && u.contains("\\")).toList();
        Map<String, UnitState> found = new HashMap<>();
        for (List<String> batch : batches(plain)) {
            List<String> args = new ArrayList<>(List.of("list-units", "--all", "--plain", "--no-legend", "--no-pager", "--full", "--"));
            args.addAll(batch);
            CommandResult result = call(args);
            if (result.ok()) {
                found.putAll(ListOutput.units(batch, result.output()));
            }
        }
        if (!escaped.isEmpty()) {
            found.putAll(properties(escaped));
        }
        Map<String, UnitState> states = new LinkedHashMap<>();
        units.forEach(u -> states.put(u, found.getOrDefault(u, UnitState.unknown(u))));
        return states;
    }

    @Override
    public Map<String, UnitState> properties(Collection<String> units) {
        Map<String, UnitState> states = new LinkedHashMap<>();
        units.forEach(u -> states.put(u, UnitState.unknown(u)));
        for (List<String> batch : batches(units.stream().filter(u -> UNIT.matcher(u).matches()).toList())) {
            List<String> args = new ArrayList<>(List.of("show", "--property=" + String.join(",", PROPERTIES), "--"));
            args.addAll(batch);
            // a non-zero exit (no bus, say) leaves what it printed: the units it did not answer for stay unknown
            states.putAll(ShowOutput.parse(batch, call(args).output()));
        }
        return states;
    }

    @Override
    public Map<String, List<String>> listening(Collection<String> sockets) {
        Map<String, List<String>> listens = new LinkedHashMap<>();
        sockets.forEach(s -> listens.put(s, List.of()));
        for (List<String> batch : batches(sockets.stream().filter(u -> UNIT.matcher(u).matches() && !u.contains("\\")).toList())) {
            List<String> args = new ArrayList<>(List.of("list-sockets", "--all", "--plain", "--no-legend", "--no-pager", "--full",
                    "--show-types", "--"));
            args.addAll(batch);
            CommandResult result = call(args);
            if (result.ok()) {
                listens.putAll(ListOutput.listening(batch, result.output()));
            }
        }
        return listens;
    }

    /** Names in groups that fit a command line: one group for all but the very largest hosts. */
    private static List<List<String>> batches(List<String> names) {
        List<List<String>> batches = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        int bytes = 0;
        for (String name : names) {
            if (bytes + name.length() > NAMES_PER_QUERY && !batch.isEmpty()) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(name);
            bytes += name.length() + 1;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    @Override
    public Optional<String> systemdVersion() {
        CommandResult result = call(List.of("--version"));
        return result.ok() ? result.output().lines().findFirst() : Optional.empty();
    }
}
