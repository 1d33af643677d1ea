package dev.berth.probe;

import static dev.berth.probe.LocalServer.closes;
import static dev.berth.probe.LocalServer.says;
import static dev.berth.probe.LocalServer.silent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.probe.Probe.Kind;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What each kind of probe makes of what a listening service does, on real loopback sockets. */
class ProberTest {
    private static final long TIMEOUT = 2000;
    private final Prober prober = new Prober();

    private ProbeResult probe(LocalServer server, Kind kind, String expect, int status, long timeout) {
        return prober.run(ProbeAddress.of(server.listen()), new Probe(kind, expect, status, timeout));
    }

    @Test
    void aBannerThatStartsWithTheExpectedTextPassesAndIsShown() throws Exception {
        try (LocalServer ssh = LocalServer.loopback(says("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\nmore\r\n"))) {
            ProbeResult result = probe(ssh, Kind.BANNER, "SSH-2.0-", 0, TIMEOUT);
            assertEquals(new ProbeResult(true, result.millis(), "SSH-2.0-OpenSSH_9.2p1 Debian-2"), result);
            assertTrue(result.millis() < TIMEOUT, result.toString());
        }
    }

    @Test
    void aWrongBannerSaysWhatCame() throws Exception {
        try (LocalServer smtp = LocalServer.loopback(says("220 mail.example ESMTP\r\n"))) {
            ProbeResult result = probe(smtp, Kind.BANNER, "SSH-2.0-", 0, TIMEOUT);
            assertFalse(result.ok());
            assertEquals("the first line was '220 mail.example ESMTP', not starting with 'SSH-2.0-'", result.detail());
        }
    }

    @Test
    void aBannerIsReadUpTo4KiBAndShownShortened() throws Exception {
        try (LocalServer endless = LocalServer.loopback(says("x".repeat(5000)))) {
            ProbeResult result = probe(endless, Kind.BANNER, "xxx", 0, TIMEOUT);
            assertTrue(result.ok(), result.toString());
            assertEquals("x".repeat(Words.SHOWN - 3) + "...", result.detail());
        }
    }

    @Test
    void aConnectionClosedBeforeTheLineEndsFailsABanner() throws Exception {
        try (LocalServer closing = LocalServer.loopback(closes());
             LocalServer halfLine = LocalServer.loopback((in, out) -> out.write("SSH-2.0-Open".getBytes()))) {
            assertEquals(new ProbeResult(false, 0, "the connection was closed before a line came"),
                    withoutMillis(probe(closing, Kind.BANNER, "SSH-2.0-", 0, TIMEOUT)));
            assertEquals("the connection was closed before a line came (it began 'SSH-2.0-Open')",
                    probe(halfLine, Kind.BANNER, "SSH-2.0-", 0, TIMEOUT).detail());
        }
    }

    @Test
    void aSilentServiceFailsABannerAtTheDeadline() throws Exception {
        try (LocalServer quiet = LocalServer.loopback(silent())) {
            ProbeResult result = probe(quiet, Kind.BANNER, "SSH-2.0-", 0, 300);
            assertEquals("no answer within 300 ms", result.detail());
            assertFalse(result.ok());
            assertTrue(result.millis() >= 300 && result.millis() < 3000, result.toString());
        }
    }

    @Test
    void aConnectProbePassesWhenTheConnectionStaysOpenOrDataComes() throws Exception {
        try (LocalServer quiet = LocalServer.loopback(silent());
             LocalServer talking = LocalServer.loopback(says("hello\n"))) {
            long before = System.nanoTime();
            ProbeResult silent = probe(quiet, Kind.CONNECT, "", 0, TIMEOUT);
            long took = (System.nanoTime() - before) / 1_000_000;
            assertEquals(new ProbeResult(true, silent.millis(), "connected"), silent);
            assertTrue(took >= Answers.CONNECT_WATCH_MILLIS, "the connection is watched for a second: " + took);
            assertTrue(silent.millis() <= took - Answers.CONNECT_WATCH_MILLIS, "the time to the accepted connection: " + silent);
            assertEquals("connected", probe(talking, Kind.CONNECT, "", 0, TIMEOUT).detail());
        }
    }

    @Test
    void aConnectProbeFailsWhenTheOtherSideClosesWithinASecond() throws Exception {
        try (LocalServer closing = LocalServer.loopback(closes())) {
            ProbeResult result = probe(closing, Kind.CONNECT, "", 0, TIMEOUT);
            assertFalse(result.ok());
            assertTrue(result.detail().matches("the connection was (closed|reset) after [0-9]+ ms"), result.detail());
        }
    }

    @Test
    void anHttpProbeSendsItsRequestAndComparesTheStatus() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        try (LocalServer ok = LocalServer.loopback(LocalServer.http(200, requests));
             LocalServer down = LocalServer.loopback(LocalServer.http(503, requests))) {
            assertEquals(new ProbeResult(true, 0, "HTTP 200"), withoutMillis(probe(ok, Kind.HTTP, "/health", 200, TIMEOUT)));
            assertEquals("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + ok.port()
                    + "\r\nConnection: close\r\nUser-Agent: berth\r\n\r\n", requests.get(0));
            assertEquals(new ProbeResult(false, 0, "HTTP 503, not 200"),
                    withoutMillis(probe(down, Kind.HTTP, "/health", 200, TIMEOUT)));
            assertEquals(new ProbeResult(true, 0, "HTTP 503"), withoutMillis(probe(down, Kind.HTTP, "/", 503, TIMEOUT)),
                    "the status expected is the one compared");
        }
    }

    @Test
    void anHttpProbeSaysWhenTheAnswerIsNotHttp() throws Exception {
        try (LocalServer ssh = LocalServer.loopback(says("SSH-2.0-OpenSSH_9.2\r\n"));
             LocalServer closing = LocalServer.loopback(closes());
             LocalServer quiet = LocalServer.loopback(silent())) {
            assertEquals("not HTTP: 'SSH-2.0-OpenSSH_9.2'", probe(ssh, Kind.HTTP, "/", 200, TIMEOUT).detail());
            assertTrue(probe(closing, Kind.HTTP, "/", 200, TIMEOUT).detail()
                    .matches("the connection was (closed|reset) before a status line came"));
            assertEquals("no answer within 250 ms", probe(quiet, Kind.HTTP, "/", 200, 250).detail());
        }
    }

    @Test
    void aPathThatWouldChangeTheRequestLineIsNotSent() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        try (LocalServer web = LocalServer.loopback(LocalServer.http(200, requests))) {
            ProbeResult result = probe(web, Kind.HTTP, "/a b\r\nX: y", 200, TIMEOUT);
            assertEquals("the path '/a b\\x0d\\x0aX: y' cannot be sent in a request line", result.detail());
            assertEquals(List.of(), requests);
        }
    }

    static ProbeResult withoutMillis(ProbeResult result) {
        return new ProbeResult(result.ok(), 0, result.detail());
    }
}
