package dev.berth.unit;

/** How the book's cgroup v1 limits map to today's directives (systemd.resource-control). */
public final class LimitConversions {
    private LimitConversions() {
    }

    /** CPUShares= 2-262144, default 1024, to CPUWeight= 1-10000, default 100. */
    public static long cpuWeight(long shares) {
        return Math.max(1, Math.min(10000, Math.round(shares * 100.0 / 1024)));
    }

    /** BlockIOWeight= 10-1000, default 500, to IOWeight= 1-10000, default 100. */
    public static long ioWeight(long blockIoWeight) {
        return Math.max(1, Math.min(10000, Math.round(blockIoWeight / 5.0)));
    }
}
