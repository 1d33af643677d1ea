package dev.berth.translate;

import dev.berth.model.Limits;
import dev.berth.unit.Entry;
import dev.berth.unit.LimitConversions;
import dev.berth.unit.UnitFile;

/** Resource limits, always under today's directive names; the book's names are converted with a comment. */
final class LimitLines {
    private LimitLines() {
    }

    static void add(UnitFile.Builder unit, String section, Limits l) {
        l.cpuWeight().ifPresent(w -> unit.add(section, "CPUWeight", Long.toString(w)));
        l.cpuShares().ifPresent(s -> unit.add(section, Entry.because("CPUWeight", Long.toString(LimitConversions.cpuWeight(s)),
                "cpu-shares " + s + " (CPUShares=, deprecated) converted: weight = shares x 100 / 1024")));
        l.cpuQuota().ifPresent(q -> unit.add(section, "CPUQuota", q));
        l.memoryMax().ifPresent(m -> unit.add(section, "MemoryMax", m));
        l.memoryLimit().ifPresent(m -> unit.add(section, Entry.because("MemoryMax", m,
                "memory-limit (MemoryLimit=, deprecated) is MemoryMax= today")));
        l.memoryHigh().ifPresent(m -> unit.add(section, "MemoryHigh", m));
        l.tasksMax().ifPresent(t -> unit.add(section, "TasksMax", t));
        l.ioWeight().ifPresent(w -> unit.add(section, "IOWeight", Long.toString(w)));
        l.blockIoWeight().ifPresent(w -> unit.add(section, Entry.because("IOWeight", Long.toString(LimitConversions.ioWeight(w)),
                "block-io-weight " + w + " (BlockIOWeight=, deprecated) converted: weight / 5")));
    }
}
