package dev.berth.probe;

/**
 * The last result of one port's probe, as {@code berth status} shows it.
 *
 * @param address where it connected, e.g. {@code 127.0.0.1:23}
 * @param millis  the time to the answer, or to the verdict when there was none
 * @param time    when it ran, UTC, to the second
 * @param after   what it probed: {@code apply} or {@code rollback}
 */
public record ProbeRecord(String container, String port, String address, String kind, boolean ok, long millis,
                          String detail, String time, String after) {
}
