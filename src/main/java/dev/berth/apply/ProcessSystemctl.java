package dev.berth.apply;

import dev.berth.plan.LiveHost;
import dev.berth.plan.UnitState;
import java.util.ArrayList;
import java.util.Collection;
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
        Map<String, UnitState> states = new LinkedHashMap<>();
        units.forEach(u -> states.put(u, UnitState.unknown(u)));
        List<String> batch = new ArrayList<>();
        int bytes = 0;
        for (String unit : states.keySet()) {
            if (!UNIT.matcher(unit).matches()) {
                continue;
            }
            if (bytes + unit.length() > NAMES_PER_QUERY && !batch.isEmpty()) {
                show(batch, states);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(unit);
            bytes += unit.length() + 1;
        }
        if (!batch.isEmpty()) {
            show(batch, states);
        }
        return states;
    }

    private void show(List<String> batch, Map<String, UnitState> states) {
        List<String> args = new ArrayList<>(List.of("show", "--property=" + String.join(",", PROPERTIES), "--"));
        args.addAll(batch);
        // a non-zero exit (no bus, say) leaves what it printed: the units it did not answer for stay unknown
        states.putAll(ShowOutput.parse(batch, call(args).output()));
    }

    @Override
    public Optional<String> systemdVersion() {
        CommandResult result = call(List.of("--version"));
        return result.ok() ? result.output().lines().findFirst() : Optional.empty();
    }
}
