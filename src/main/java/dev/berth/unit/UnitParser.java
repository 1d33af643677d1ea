package dev.berth.unit;

import java.util.List;

/**
 * Reads a unit file back into a {@link UnitFile}: sections and {@code Key=value} lines in order,
 * comments dropped, values left encoded exactly as written. Used to read berth's own output, so it
 * knows the subset berth writes (no line continuations).
 */
public final class UnitParser {
    private UnitParser() {
    }

    public static UnitFile parse(String fileName, UnitKind kind, String text) {
        UnitFile.Builder unit = UnitFile.builder(fileName, kind, "");
        String section = null;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            int eq = line.indexOf('=');
            if (section == null || eq <= 0) {
                throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": not a unit file line: " + line);
            }
            unit.addParsed(section, line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return unit.build();
    }
}
