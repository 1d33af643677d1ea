package dev.berth.render;

import dev.berth.unit.Entry;
import dev.berth.unit.Section;
import dev.berth.unit.UnitFile;
import java.util.List;

/**
 * A unit as text, the same way for every kind: the header comment, then every section the unit holds in its
 * order, each a blank line, {@code [Name]} and its entries as {@code Key=value}, an entry's why-comment on the
 * line above it. The writer knows no section names, so it cannot leave one out; which sections a unit has is
 * the translator's business alone. Values arrive encoded and are written as they are.
 */
final class UnitWriter {
    /**
     * Per thread, the builder units are written into: a unit is a kilobyte or two, and a builder of its own would
     * be grown and copied several times on the way for each of tens of thousands of units.
     */
    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(2048));
    /** A unit this long is rare; a buffer grown for it is not kept for the thread's next units. */
    private static final int KEPT_CAPACITY = 1 << 16;

    private UnitWriter() {
    }

    /** The file's text, with the header naming the config file and the unit's origin in it. */
    static String text(String sourceName, UnitFile unit) {
        StringBuilder out = BUFFER.get();
        out.setLength(0);
        write(Header.lines(sourceName, unit.origin()), unit, out);
        String text = out.toString();
        if (out.capacity() > KEPT_CAPACITY) {
            BUFFER.remove();
        }
        return text;
    }

    static void write(List<String> header, UnitFile unit, StringBuilder out) {
        for (String line : header) {
            out.append("# ").append(line).append('\n');
        }
        for (Section section : unit.sections()) {
            out.append("\n[").append(section.name()).append("]\n");
            for (Entry entry : section.entries()) {
                if (entry.why().isPresent()) {
                    out.append("# ").append(entry.why().get()).append('\n');
                }
                out.append(entry.key()).append('=').append(entry.value()).append('\n');
            }
        }
    }
}
