package dev.berth.probe;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a probe makes of a connection once it is accepted, one method per kind of probe; the start is when the first
 * connect attempt began, the deadline the probe's, both {@link System#nanoTime()} values.
 */
final class Answers {
    /** How long a connect probe watches the accepted connection: a container that fails to boot closes it. */
    static final long CONNECT_WATCH_MILLIS = 1000;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/[0-9](?:\\.[0-9])? ([0-9]{3})(?: .*)?");

    private Answers() {
    }

    /**
     * Connected: ok unless the other side closes within {@value #CONNECT_WATCH_MILLIS} ms (bounded by the deadline);
     * data or silence are both a service that took the connection.
     */
    static ProbeResult watch(ProbeConnection connection, long start, long deadline) throws InterruptedIOException {
        long accepted = System.nanoTime();
        long until = Math.min(deadline, accepted + TimeUnit.MILLISECONDS.toNanos(CONNECT_WATCH_MILLIS));
        String end;
        try {
            if (connection.read(ByteBuffer.allocate(1), until) >= 0) {
                return ProbeResult.passed(millisBetween(start, accepted), "connected");
            }
            end = "closed";
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            end = "reset";
        }
        return ProbeResult.failed(millisSince(start),
                "the connection was " + end + " after " + millisSince(accepted) + " ms");
    }

    static ProbeResult banner(ProbeConnection connection, Probe probe, long start, long deadline)
            throws InterruptedIOException, ProbeFailure {
        ProbeConnection.Line line = connection.readLine(deadline);
        String came = line.text();
        switch (line.end()) {
            case NEWLINE, LIMIT -> {
                if (came.startsWith(probe.expect())) {
                    return ProbeResult.passed(millisSince(start), Words.shown(came));
                }
                return ProbeResult.failed(millisSince(start), "the first line was " + Words.quoted(came)
                        + ", not starting with " + Words.quoted(probe.expect()));
            }
            default -> throw new ProbeFailure(unanswered(line, "a line", probe));
        }
    }

    static ProbeResult http(ProbeConnection connection, ProbeAddress address, Probe probe, long start, long deadline)
            throws InterruptedIOException, ProbeFailure {
        if (!probe.expect().startsWith("/") || probe.expect().chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            // a space or a line end would change the request line: berth's checks refuse such a path first
            throw new ProbeFailure("the path " + Words.quoted(probe.expect()) + " cannot be sent in a request line");
        }
        String request = "GET " + probe.expect() + " HTTP/1.1\r\nHost: " + address.httpHost()
                + "\r\nConnection: close\r\nUser-Agent: berth\r\n\r\n";
        try {
            if (!connection.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)), deadline)) {
                throw new ProbeFailure("the request could not be sent within " + Words.duration(probe.timeoutMillis()));
            }
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new ProbeFailure("the connection was closed before the request was sent (" + message(e) + ")");
        }
        ProbeConnection.Line line = connection.readLine(deadline);
        if (line.end() != ProbeConnection.End.NEWLINE && line.end() != ProbeConnection.End.LIMIT) {
            throw new ProbeFailure(unanswered(line, "a status line", probe));
        }
        Matcher status = STATUS_LINE.matcher(line.text());
        if (!status.matches()) {
            return ProbeResult.failed(millisSince(start), "not HTTP: " + Words.quoted(line.text()));
        }
        int code = Integer.parseInt(status.group(1));
        return code == probe.status() ? ProbeResult.passed(millisSince(start), "HTTP " + code)
                : ProbeResult.failed(millisSince(start), "HTTP " + code + ", not " + probe.status());
    }

    /** Why no line came: closed, reset or the deadline, with what came of the line if anything did. */
    private static String unanswered(ProbeConnection.Line line, String what, Probe probe) {
        String partial = line.text().isEmpty() ? "" : " (it began " + Words.quoted(line.text()) + ")";
        return switch (line.end()) {
            case CLOSED -> "the connection was closed before " + what + " came" + partial;
            case RESET -> "the connection was reset before " + what + " came" + partial;
            default -> (line.text().isEmpty() ? "no answer" : "no whole line") + " within "
                    + Words.duration(probe.timeoutMillis()) + partial;
        };
    }

    static String message(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    static long millisSince(long start) {
        return millisBetween(start, System.nanoTime());
    }

    private static long millisBetween(long start, long end) {
        return TimeUnit.NANOSECONDS.toMillis(end - start);
    }
}
