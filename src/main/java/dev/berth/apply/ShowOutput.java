package dev.berth.apply;

import dev.berth.plan.UnitState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads what {@code systemctl show --property=… U1 U2 …} prints: one block of {@code Name=value} lines per unit, in
 * the order asked, blocks separated by an empty line (so on every systemd since 239). A property may come more than
 * once ({@code Listen=}, one line per address).
 */
final class ShowOutput {
    /** A property line; anything else (a warning on stderr, mixed into the output) is not part of a block. */
    private static final Pattern PROPERTY = Pattern.compile("[A-Z][A-Za-z0-9]*=.*");

    private ShowOutput() {
    }

    /**
     * The state of each unit asked about. When the blocks are as many as the units they are paired in order (an
     * alias answers with its unit's {@code Id=}); otherwise each block goes to the unit its {@code Id=} names, and a
     * unit with no block is {@link UnitState#unknown}.
     */
    static Map<String, UnitState> parse(List<String> asked, String output) {
        List<Map<String, List<String>>> blocks = blocks(output);
        Map<String, UnitState> states = new LinkedHashMap<>();
        if (blocks.size() == asked.size()) {
            for (int i = 0; i < asked.size(); i++) {
                states.put(asked.get(i), new UnitState(asked.get(i), blocks.get(i)));
            }
            return states;
        }
        Map<String, Map<String, List<String>>> byId = new HashMap<>();
        for (Map<String, List<String>> block : blocks) {
            List<String> id = block.getOrDefault("Id", List.of());
            if (!id.isEmpty()) {
                byId.putIfAbsent(id.get(0), block);
            }
        }
        for (String unit : asked) {
            Map<String, List<String>> block = byId.get(unit);
            states.put(unit, block == null ? UnitState.unknown(unit) : new UnitState(unit, block));
        }
        return states;
    }

    private static List<Map<String, List<String>>> blocks(String output) {
        List<Map<String, List<String>>> blocks = new ArrayList<>();
        Map<String, List<String>> block = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            if (line.isEmpty()) {
                if (!block.isEmpty()) {
                    blocks.add(block);
                    block = new LinkedHashMap<>();
                }
            } else if (PROPERTY.matcher(line).matches()) {
                int eq = line.indexOf('=');
                block.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
            }
        }
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        return blocks;
    }
}
