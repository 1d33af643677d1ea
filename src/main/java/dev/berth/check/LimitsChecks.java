package dev.berth.check;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.model.Limits;
import dev.berth.unit.LimitConversions;

/** The book's cgroup v1 limits: accepted, converted, and each one warned about with the modern name. */
final class LimitsChecks {
    private LimitsChecks() {
    }

    static void check(Limits l, Diagnostics diagnostics) {
        if (l.cpuWeight().isEmpty()) {
            l.cpuShares().ifPresent(shares -> diagnostics.warning(Code.D001, l.path() + "/cpu-shares",
                "cpu-shares (CPUShares=) is deprecated; written as CPUWeight=" + LimitConversions.cpuWeight(shares),
                "write 'cpu-weight: " + LimitConversions.cpuWeight(shares) + "' (weight = shares x 100 / 1024; default 100)"));
        }
        l.memoryLimit().filter(x -> l.memoryMax().isEmpty()).ifPresent(m -> diagnostics.warning(Code.D001, l.path() + "/memory-limit",
                "memory-limit (MemoryLimit=) is deprecated; written as MemoryMax=" + m, "write 'memory-max: " + m + "'"));
        if (l.ioWeight().isEmpty()) {
            l.blockIoWeight().ifPresent(w -> diagnostics.warning(Code.D001, l.path() + "/block-io-weight",
                "block-io-weight (BlockIOWeight=) is deprecated; written as IOWeight=" + LimitConversions.ioWeight(w),
                "write 'io-weight: " + LimitConversions.ioWeight(w) + "' (weight / 5; default 100)"));
        }
        if (l.cpuShares().isPresent() && l.cpuWeight().isPresent()) {
            diagnostics.error(Code.D002, l.path() + "/cpu-shares", "both cpu-shares and cpu-weight are set", "keep only cpu-weight");
        }
        if (l.memoryLimit().isPresent() && l.memoryMax().isPresent()) {
            diagnostics.error(Code.D002, l.path() + "/memory-limit", "both memory-limit and memory-max are set", "keep only memory-max");
        }
        if (l.blockIoWeight().isPresent() && l.ioWeight().isPresent()) {
            diagnostics.error(Code.D002, l.path() + "/block-io-weight", "both block-io-weight and io-weight are set", "keep only io-weight");
        }
    }
}
