package dev.berth.probe;

import static dev.berth.probe.LocalServer.says;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.probe.Probe.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a probe gets its connection: waiting for a port that does not listen yet, unix sockets, IPv6, errors. */
class ProberConnectTest {
    private static final Probe BANNER = new Probe(Kind.BANNER, "SSH-2.0-", 0, 3000);
    private final Prober prober = new Prober();

    @TempDir
    Path dir;

    /** A loopback port that nothing listens on (a moment ago the system handed it out and it was closed again). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aPortNobodyListensOnIsRefusedUntilTheTimeout() throws IOException {
        ProbeResult result = prober.run(ProbeAddress.of(Integer.toString(freePort())), new Probe(Kind.CONNECT, "", 0, 400));
        assertFalse(result.ok());
        assertEquals("the connection was refused until the timeout (400 ms)", result.detail());
        assertTrue(result.millis() >= 400 && result.millis() < 3000, result.toString());
    }

    @Test
    void aPortThatStartsListeningLaterIsTriedAgainUntilItAnswers() throws Exception {
        int port = freePort();
        AtomicReference<LocalServer> late = new AtomicReference<>();
        CompletableFuture<Void> listening = CompletableFuture.runAsync(() -> {
            try {
                late.set(LocalServer.tcp(InetAddress.getLoopbackAddress(), port, says("SSH-2.0-late\r\n")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
        try {
            ProbeResult result = prober.run(ProbeAddress.of("127.0.0.1:" + port), BANNER);
            assertEquals("SSH-2.0-late", result.detail());
            assertTrue(result.ok());
            assertTrue(result.millis() >= 450 && result.millis() < 3000, "the time includes the wait: " + result);
        } finally {
            listening.join();
            late.get().close();
        }
    }

    @Test
    void aUnixSocketIsProbedByItsPathWithLocalhostAsTheHost() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        Path socket = dir.resolve("http.sock");
        try (LocalServer web = LocalServer.unix(socket, LocalServer.http(204, requests))) {
            ProbeResult result = prober.run(ProbeAddress.of(socket.toString()), new Probe(Kind.HTTP, "/ready", 204, 2000));
            assertEquals(new ProbeResult(true, result.millis(), "HTTP 204"), result);
            assertTrue(requests.get(0).startsWith("GET /ready HTTP/1.1\r\nHost: localhost\r\n"), requests.get(0));
        }
    }

    @Test
    void aUnixSocketThatAppearsLaterIsWaitedForAndOneThatNeverDoesIsSaid() throws Exception {
        Path socket = dir.resolve("ssh.sock");
        AtomicReference<LocalServer> late = new AtomicReference<>();
        CompletableFuture<Void> listening = CompletableFuture.runAsync(() -> {
            try {
                late.set(LocalServer.unix(socket, says("SSH-2.0-unix\n")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        try {
            assertEquals(new ProbeResult(true, 0, "SSH-2.0-unix"),
                    ProberTest.withoutMillis(prober.run(ProbeAddress.of(socket.toString()), BANNER)));
        } finally {
            listening.join();
            late.get().close();
        }
        Path never = dir.resolve("never.sock");
        assertEquals(new ProbeResult(false, 0, "the socket " + never + " did not exist until the timeout (300 ms)"),
                ProberTest.withoutMillis(prober.run(ProbeAddress.of(never.toString()), new Probe(Kind.CONNECT, "", 0, 300))));
    }

    @Test
    void anIpv6PortOnAllAddressesIsProbedOnTheIpv6Loopback() throws Exception {
        LocalServer v6;
        try {
            v6 = LocalServer.tcp(InetAddress.getByName("::1"), 0, says("SSH-2.0-six\r\n"));
        } catch (IOException noIpv6) {
            assumeTrue(false, "this machine has no IPv6 loopback");
            return;
        }
        try (v6) {
            ProbeAddress address = ProbeAddress.of("[::]:" + v6.port());
            assertEquals("[::1]:" + v6.port(), address.text());
            assertEquals("SSH-2.0-six", prober.run(address, BANNER).detail());
        }
    }

    @Test
    void aConnectErrorOtherThanRefusedFailsAtOnce() {
        ProbeResult result = prober.run(ProbeAddress.of("[fe80::1]:80%nosuch0"), new Probe(Kind.CONNECT, "", 0, 5000));
        assertFalse(result.ok());
        assertTrue(result.detail().startsWith("cannot connect to [fe80::1%nosuch0]:80: "), result.detail());
        assertTrue(result.millis() < 1000, "not retried: " + result);
    }

    @Test
    void anInterruptedProbeEndsAtOnceAndKeepsTheInterrupt() throws Exception {
        int port = freePort();
        AtomicReference<ProbeResult> result = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread probing = new Thread(() -> {
            result.set(prober.run(ProbeAddress.of(Integer.toString(port)), new Probe(Kind.CONNECT, "", 0, 10_000)));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        probing.start();
        Thread.sleep(250);
        probing.interrupt();
        probing.join(2000);
        assertEquals("the probe was interrupted", result.get().detail());
        assertTrue(result.get().millis() < 2000, result.get().toString());
        assertTrue(stillInterrupted.get());
    }
}
