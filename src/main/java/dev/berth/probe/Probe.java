package dev.berth.probe;

/**
 * What to check on a port once its container changed.
 *
 * @param expect        the banner's prefix (BANNER), the HTTP path starting with '/' (HTTP), "" for CONNECT
 * @param status        the HTTP status expected (HTTP only, else 0)
 * @param timeoutMillis one deadline for the whole probe, a cold container's boot included
 */
public record Probe(Kind kind, String expect, int status, long timeoutMillis) {
    public enum Kind { CONNECT, BANNER, HTTP }
}
