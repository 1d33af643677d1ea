package dev.berth.unit;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A time span as systemd.time(7) reads it ({@code 1min 30s}, {@code 90}), in milliseconds, for what berth times itself. */
public final class TimeSpan {
    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) ?([a-z]*)");
    private static final long SECOND = 1000;
    private static final long DAY = 86_400 * SECOND;
    /** systemd's month and year: 30.44 and 365.25 days. */
    private static final Map<String, BigDecimal> UNITS = Map.ofEntries(
            Map.entry("usec", BigDecimal.valueOf(0.001)), Map.entry("us", BigDecimal.valueOf(0.001)),
            Map.entry("msec", BigDecimal.ONE), Map.entry("ms", BigDecimal.ONE),
            Map.entry("seconds", BigDecimal.valueOf(SECOND)), Map.entry("second", BigDecimal.valueOf(SECOND)),
            Map.entry("sec", BigDecimal.valueOf(SECOND)), Map.entry("s", BigDecimal.valueOf(SECOND)),
            Map.entry("", BigDecimal.valueOf(SECOND)),
            Map.entry("minutes", BigDecimal.valueOf(60 * SECOND)), Map.entry("minute", BigDecimal.valueOf(60 * SECOND)),
            Map.entry("min", BigDecimal.valueOf(60 * SECOND)), Map.entry("m", BigDecimal.valueOf(60 * SECOND)),
            Map.entry("hours", BigDecimal.valueOf(3600 * SECOND)), Map.entry("hour", BigDecimal.valueOf(3600 * SECOND)),
            Map.entry("hr", BigDecimal.valueOf(3600 * SECOND)), Map.entry("h", BigDecimal.valueOf(3600 * SECOND)),
            Map.entry("days", BigDecimal.valueOf(DAY)), Map.entry("day", BigDecimal.valueOf(DAY)), Map.entry("d", BigDecimal.valueOf(DAY)),
            Map.entry("weeks", BigDecimal.valueOf(7 * DAY)), Map.entry("week", BigDecimal.valueOf(7 * DAY)),
            Map.entry("w", BigDecimal.valueOf(7 * DAY)),
            Map.entry("months", BigDecimal.valueOf(2_629_800 * SECOND)), Map.entry("month", BigDecimal.valueOf(2_629_800 * SECOND)),
            Map.entry("years", BigDecimal.valueOf(31_557_600 * SECOND)), Map.entry("year", BigDecimal.valueOf(31_557_600 * SECOND)),
            Map.entry("y", BigDecimal.valueOf(31_557_600 * SECOND)));

    private TimeSpan() {
    }

    /**
     * The span in whole milliseconds, rounded down.
     *
     * @throws IllegalArgumentException for a text {@link Value#duration} refuses
     */
    public static long millis(String span) {
        if (!Value.isDuration(span)) {
            throw new IllegalArgumentException("not a time span: " + span);
        }
        BigDecimal total = BigDecimal.ZERO;
        Matcher part = PART.matcher(span);
        int at = 0;
        while (at < span.length()) {
            if (span.charAt(at) == ' ') {
                at++;
                continue;
            }
            if (!part.find(at) || part.start() != at) {
                throw new IllegalArgumentException("not a time span: " + span);
            }
            total = total.add(new BigDecimal(part.group(1)).multiply(UNITS.get(part.group(2))));
            at = part.end();
        }
        return total.longValue();
    }
}
