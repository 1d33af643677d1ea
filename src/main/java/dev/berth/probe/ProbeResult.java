package dev.berth.probe;

/**
 * How a probe ended.
 *
 * @param ok     whether the port answered as the probe expects
 * @param millis the time to the answer: from the first connect attempt to the verdict (for a connect probe, to the
 *               accepted connection)
 * @param detail words for people: what answered ("HTTP 200", the banner line, "connected"), or why it failed
 */
public record ProbeResult(boolean ok, long millis, String detail) {
    static ProbeResult passed(long millis, String detail) {
        return new ProbeResult(true, millis, detail);
    }

    static ProbeResult failed(long millis, String detail) {
        return new ProbeResult(false, millis, detail);
    }
}
