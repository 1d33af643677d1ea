package dev.berth.check;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.model.Limits;
import dev.berth.option.Option;
import dev.berth.option.OptionValues;
import dev.berth.option.Options;
import dev.berth.unit.LimitConversions;

/** The book's cgroup v1 limits: accepted, converted, and each one warned about with the modern name. */
final class LimitsChecks {
    private LimitsChecks() {
    }

    static void check(Limits l, Diagnostics diagnostics) {
        OptionChecks.check(l.options(), diagnostics);
        OptionValues o = l.options();
        if (!o.has(Options.CPU_WEIGHT)) {
            o.get(Options.CPU_SHARES).ifPresent(shares -> diagnostics.warning(Code.D001, l.path() + "/cpu-shares",
                "cpu-shares (CPUShares=) is deprecated; written as CPUWeight=" + LimitConversions.cpuWeight((Long) shares),
                "write 'cpu-weight: " + LimitConversions.cpuWeight((Long) shares) + "' (weight = shares x 100 / 1024; default 100)"));
        }
        o.get(Options.MEMORY_LIMIT).filter(x -> !o.has(Options.MEMORY_MAX)).ifPresent(m -> diagnostics.warning(Code.D001,
                l.path() + "/memory-limit", "memory-limit (MemoryLimit=) is deprecated; written as MemoryMax=" + m,
                "write 'memory-max: " + m + "'"));
        if (!o.has(Options.IO_WEIGHT)) {
            o.get(Options.BLOCK_IO_WEIGHT).ifPresent(w -> diagnostics.warning(Code.D001, l.path() + "/block-io-weight",
                "block-io-weight (BlockIOWeight=) is deprecated; written as IOWeight=" + LimitConversions.ioWeight((Long) w),
                "write 'io-weight: " + LimitConversions.ioWeight((Long) w) + "' (weight / 5; default 100)"));
        }
        bothGiven(o, Options.CPU_SHARES, Options.CPU_WEIGHT, l.path(), diagnostics);
        bothGiven(o, Options.MEMORY_LIMIT, Options.MEMORY_MAX, l.path(), diagnostics);
        bothGiven(o, Options.BLOCK_IO_WEIGHT, Options.IO_WEIGHT, l.path(), diagnostics);
    }

    private static void bothGiven(OptionValues o, Option deprecated, Option modern, String path, Diagnostics diagnostics) {
        if (o.has(deprecated) && o.has(modern)) {
            diagnostics.error(Code.D002, path + "/" + deprecated.key(), "both " + deprecated.key() + " and " + modern.key()
                    + " are set", "keep only " + modern.key());
        }
    }
}
