package dev.berth.probe;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One connection of a probe: a socket channel in non-blocking mode with a selector of its own, so that each wait
 * (connect, read, write) blocks its thread only until a deadline. A blocking channel cannot time out, and
 * {@link java.net.Socket}, which can, does not speak unix sockets. Deadlines are {@link System#nanoTime()} values.
 */
final class ProbeConnection implements AutoCloseable {
    /** The most of a first line a probe reads: a banner or a status line is short, a wrong service may never stop. */
    static final int LINE_LIMIT = 4096;

    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;

    /** How a line read ended. */
    enum End { NEWLINE, LIMIT, CLOSED, RESET, DEADLINE }

    /**
     * The first line, or what came of it.
     *
     * @param text the line without its line end (a trailing '\r' stripped), or what came before the read ended
     */
    record Line(String text, End end) {
    }

    private ProbeConnection(SocketChannel channel, Selector selector) throws IOException {
        this.channel = channel;
        this.selector = selector;
        channel.configureBlocking(false);
        this.key = channel.register(selector, 0);
    }

    static ProbeConnection open(ProbeAddress address) throws IOException {
        SocketChannel channel = address.unix() ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        Selector selector = null;
        try {
            selector = Selector.open();
            return new ProbeConnection(channel, selector);
        } catch (IOException e) {
            channel.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
    }

    /**
     * Connects: true once connected, false while still pending at the deadline (the peer never answered).
     *
     * @throws IOException when the connection is refused or fails otherwise
     */
    boolean connect(SocketAddress target, long deadline) throws IOException {
        if (channel.connect(target)) {
            return true;
        }
        key.interestOps(SelectionKey.OP_CONNECT);
        while (!channel.finishConnect()) {
            if (!await(deadline)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads what has come, waiting until the deadline for something to come.
     *
     * @return the bytes read, -1 at the end of the stream, 0 when the deadline passed first
     * @throws IOException when the connection was reset
     */
    int read(ByteBuffer buffer, long deadline) throws IOException {
        key.interestOps(SelectionKey.OP_READ);
        while (true) {
            int n = channel.read(buffer);
            if (n != 0 || !await(deadline)) {
                return n;
            }
        }
    }

    /**
     * Reads the first line, up to '\n' and at most {@value #LINE_LIMIT} bytes. What follows the line is left unread.
     *
     * @throws InterruptedIOException only when the thread is interrupted; a reset connection is a line that ended so
     */
    Line readLine(long deadline) throws InterruptedIOException {
        ByteBuffer buffer = ByteBuffer.allocate(LINE_LIMIT);
        int scanned = 0;
        while (true) {
            int n;
            try {
                n = read(buffer, deadline);
            } catch (IOException e) {
                interrupted();
                return line(buffer, buffer.position(), End.RESET);
            }
            for (; scanned < buffer.position(); scanned++) {
                if (buffer.get(scanned) == '\n') {
                    return line(buffer, scanned, End.NEWLINE);
                }
            }
            if (n < 0 || n == 0 || !buffer.hasRemaining()) {
                return line(buffer, buffer.position(), n < 0 ? End.CLOSED : n == 0 ? End.DEADLINE : End.LIMIT);
            }
        }
    }

    private static Line line(ByteBuffer buffer, int end, End how) {
        int length = end > 0 && buffer.get(end - 1) == '\r' ? end - 1 : end;
        // a service answers in ASCII or UTF-8; anything else shows as U+FFFD and fails the comparison, as it should
        return new Line(new String(buffer.array(), 0, length, StandardCharsets.UTF_8), how);
    }

    /**
     * Writes all of {@code data}.
     *
     * @return false when the deadline passed first
     * @throws IOException when the connection was reset or closed
     */
    boolean write(ByteBuffer data, long deadline) throws IOException {
        key.interestOps(SelectionKey.OP_WRITE);
        while (data.hasRemaining()) {
            if (channel.write(data) == 0 && !await(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** Waits for what the key is interested in; false when the deadline passed. */
    private boolean await(long deadline) throws IOException {
        interrupted();
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        // at least 1 ms: select(0) would wait for ever
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        selector.selectedKeys().clear();
        interrupted();
        return true;
    }

    /** An interrupted select returns at once and keeps returning: stop the probe instead of spinning. */
    private static void interrupted() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted");
        }
    }

    @Override
    public void close() {
        quietly(selector);
        quietly(channel);
    }

    private static void quietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing what a probe is done with: nothing to lose, nothing to report
        }
    }
}
