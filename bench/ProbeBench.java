import dev.berth.probe.Probe;
import dev.berth.probe.ProbeAddress;
import dev.berth.probe.ProbeResult;
import dev.berth.probe.Prober;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Probing many ports at once, as apply does after a change to many containers: N local listeners that answer
 * every connection with an SSH banner, at once or after a delay (a container booting), probed with banner probes
 * by berth's Prober. Prints the median wall time of RUNS rounds and the heap in use after the last.
 *
 * <p>Run as a single-file program on berth's classes: {@code java -cp target/classes bench/ProbeBench.java
 * [DELAY_MS] [N ...]}.
 */
public final class ProbeBench {
    private static final byte[] BANNER = "SSH-2.0-bench\r\n".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        long delay = args.length > 0 ? Long.parseLong(args[0]) : 0;
        int[] sizes = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 100, 1000};
        int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "5"));
        System.out.printf(Locale.ROOT, "answer delay %d ms, %d rounds, parallelism %d%n", delay, runs, Prober.DEFAULT_PARALLELISM);
        System.out.printf(Locale.ROOT, "%6s  %10s  %12s  %10s%n", "N", "median ms", "per probe ms", "heap MiB");
        for (int n : sizes) {
            try (Listeners listeners = new Listeners(n, delay)) {
                List<Prober.Target> targets = new ArrayList<>();
                for (int port : listeners.ports) {
                    targets.add(new Prober.Target(ProbeAddress.of("127.0.0.1:" + port), new Probe(Probe.Kind.BANNER, "SSH-2.0-", 0, 60_000)));
                }
                long[] samples = new long[runs];
                for (int r = 0; r < runs; r++) {
                    long start = System.nanoTime();
                    List<ProbeResult> results = new Prober().runAll(targets);
                    samples[r] = (System.nanoTime() - start) / 1_000_000;
                    long failed = results.stream().filter(res -> !res.ok()).count();
                    if (failed > 0) {
                        throw new IllegalStateException(failed + " probes failed: " + results.stream().filter(res -> !res.ok()).findFirst().get());
                    }
                }
                Arrays.sort(samples);
                long median = samples[runs / 2];
                Runtime rt = Runtime.getRuntime();
                System.out.printf(Locale.ROOT, "%6d  %10d  %12.2f  %10.1f   samples %s%n", n, median, (double) median / n,
                        (rt.totalMemory() - rt.freeMemory()) / 1048576.0, Arrays.toString(samples));
            }
        }
    }

    /** N listening sockets served by one selector thread; each connection gets the banner after the delay. */
    private static final class Listeners implements AutoCloseable {
        final List<Integer> ports = new ArrayList<>();
        private final Selector selector = Selector.open();
        private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        private final Thread thread;
        private volatile boolean open = true;

        Listeners(int n, long delay) throws IOException {
            for (int i = 0; i < n; i++) {
                ServerSocketChannel server = ServerSocketChannel.open();
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT);
                ports.add(server.socket().getLocalPort());
            }
            thread = new Thread(() -> serve(delay), "listeners");
            thread.start();
        }

        private void serve(long delay) {
            try {
                while (open) {
                    selector.select(100);
                    for (SelectionKey key : selector.selectedKeys()) {
                        SocketChannel connection = ((ServerSocketChannel) key.channel()).accept();
                        if (connection != null) {
                            later.schedule(() -> answer(connection), delay, TimeUnit.MILLISECONDS);
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static void answer(SocketChannel connection) {
            try (connection) {
                connection.write(ByteBuffer.wrap(BANNER));
            } catch (IOException e) {
                // the prober went away
            }
        }

        @Override
        public void close() throws Exception {
            open = false;
            thread.join();
            later.shutdownNow();
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        }
    }
}
