package dev.berth.apply;

import dev.berth.plan.UnitState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tables {@code systemctl list-units} and {@code list-sockets} print with {@code --plain --no-legend
 * --full}: one line per unit (or per listening address), columns separated by spaces.
 */
final class ListOutput {
    private ListOutput() {
    }

    /**
     * {@code UNIT LOAD ACTIVE SUB DESCRIPTION…}, a failed or missing unit's line led by a mark ({@code ●}). A unit
     * that is not listed is not loaded: systemd has no job or process for it, so it is inactive.
     */
    static Map<String, UnitState> units(List<String> asked, String output) {
        Map<String, String[]> listed = new HashMap<>();
        for (String line : output.lines().toList()) {
            String[] fields = line.strip().split("\\s+");
            int first = fields.length > 0 && (fields[0].equals("●") || fields[0].equals("*")) ? 1 : 0;
            if (fields.length - first >= 4) {
                listed.put(fields[first], Arrays.copyOfRange(fields, first, first + 4));
            }
        }
        Map<String, UnitState> states = new LinkedHashMap<>();
        for (String unit : asked) {
            String[] f = listed.get(unit);
            states.put(unit, new UnitState(unit, f == null
                    ? Map.of("Id", List.of(unit), "LoadState", List.of("not-loaded"), "ActiveState", List.of("inactive"),
                    "SubState", List.of("dead"))
                    : Map.of("Id", List.of(unit), "LoadState", List.of(f[1]), "ActiveState", List.of(f[2]),
                    "SubState", List.of(f[3]))));
        }
        return states;
    }

    /** {@code LISTEN TYPE UNIT ACTIVATES…} ({@code --show-types}): each asked socket's addresses, as {@code ADDRESS (TYPE)}. */
    static Map<String, List<String>> listening(List<String> asked, String output) {
        Set<String> wanted = new HashSet<>(asked);
        Map<String, List<String>> listens = new LinkedHashMap<>();
        asked.forEach(s -> listens.put(s, new ArrayList<>()));
        for (String line : output.lines().toList()) {
            String[] fields = line.strip().split("\\s+");
            for (int i = 2; i < fields.length; i++) {
                if (wanted.contains(fields[i])) {
                    String address = String.join(" ", Arrays.copyOfRange(fields, 0, i - 1));
                    listens.get(fields[i]).add(address + " (" + fields[i - 1] + ")");
                    break;
                }
            }
        }
        return listens;
    }
}
