package dev.berth.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.probe.Probe.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many probes at once, on a bounded pool, with their results in the order they were asked for. */
class ProberBatchTest {
    @Test
    void fiftyProbesRunInParallelOnABoundedPoolAndAnswerInInputOrder() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        AtomicInteger answering = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (LocalServer web = LocalServer.loopback(LocalServer.http(200, requests));
             LocalServer slow = LocalServer.loopback((in, out) -> {
                 most.accumulateAndGet(answering.incrementAndGet(), Math::max);
                 Thread.sleep(200); // later than the quick ones, so the answers do not come in the input's order
                 answering.decrementAndGet();
                 LocalServer.says("SSH-2.0-slow\n").handle(in, out);
             })) {
            List<Prober.Target> targets = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                if (i % 5 == 0) {
                    targets.add(new Prober.Target(ProbeAddress.of(slow.listen()), new Probe(Kind.BANNER, "SSH-2.0-", 0, 5000)));
                    expected.add("SSH-2.0-slow");
                } else {
                    int status = 200 + i;
                    targets.add(new Prober.Target(ProbeAddress.of(web.listen()), new Probe(Kind.HTTP, "/status/" + status, status, 5000)));
                    expected.add("HTTP " + status);
                }
            }
            List<ProbeResult> results = new Prober(4).runAll(targets);

            assertEquals(expected, results.stream().map(ProbeResult::detail).toList());
            assertTrue(results.stream().allMatch(ProbeResult::ok));
            assertEquals(40, requests.size());
            assertTrue(most.get() >= 2 && most.get() <= 4, "probes at once: " + most.get() + ", at most the pool's 4");
        }
    }

    @Test
    void anEmptyBatchHasNoResultsAndParallelismIsPositive() {
        assertEquals(List.of(), new Prober().runAll(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Prober(0));
    }
}
