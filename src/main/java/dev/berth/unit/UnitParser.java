package dev.berth.unit;

import java.util.List;
import java.util.Optional;

/**
 * Reads a unit file back into a {@link UnitFile}: sections and {@code Key=value} lines in order, values left
 * encoded exactly as written (stripped of the surrounding whitespace, as systemd strips it). A comment on the
 * line right above an entry is that entry's why-comment, as berth writes it ({@code # why}); the other comments,
 * such as the header above the first section, are dropped. Used to read berth's own output, so it knows the
 * subset berth writes (no line continuations).
 */
public final class UnitParser {
    private UnitParser() {
    }

    public static UnitFile parse(String fileName, UnitKind kind, String text) {
        UnitFile.Builder unit = UnitFile.builder(fileName, kind, "");
        String section = null;
        String comment = null; // the comment on the line before, while it may still be an entry's why
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#") || line.startsWith(";")) {
                comment = section == null ? null : commentText(line);
                continue;
            }
            String why = comment;
            comment = null;
            if (line.isEmpty()) {
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
            unit.addParsed(section, line.substring(0, eq).strip(), line.substring(eq + 1).strip(), Optional.ofNullable(why));
        }
        return unit.build();
    }

    /** {@code # text}: the text after the comment sign and the one space berth puts after it. */
    private static String commentText(String line) {
        return line.startsWith(" ", 1) ? line.substring(2) : line.substring(1);
    }
}
