package dev.berth.probe;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one probe: connects to a port and checks that it answers as the probe expects. The probe's timeout is one
 * deadline for all of it, the connection included: the first connection to a socket-activated port boots the
 * container, so the service may answer only seconds later. Network trouble is a failed result in words, never an
 * exception.
 */
public final class Prober {
    /**
     * How many probes run at once unless told otherwise. A probe's thread mostly waits, so this is far more than the
     * cores; it also bounds how many socket-activated containers the probes boot at the same time.
     */
    public static final int DEFAULT_PARALLELISM = 64;
    /** A refused connection is tried again after 100 to 200 ms; the spread keeps a thousand probes out of step. */
    private static final long RETRY_MIN_MILLIS = 100;
    private static final long RETRY_MAX_MILLIS = 200;

    private final int parallelism;

    /** One probe of a batch: what to check, and where. */
    public record Target(ProbeAddress address, Probe probe) {
    }

    public Prober() {
        this(DEFAULT_PARALLELISM);
    }

    /** @param parallelism how many probes of a batch run at once */
    public Prober(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism " + parallelism + " is not a positive number");
        }
        this.parallelism = parallelism;
    }

    /**
     * Runs the probes, at most the parallelism at a time, each on a thread of its own (their I/O blocks, up to each
     * probe's deadline).
     *
     * @return the results in the order of {@code targets}
     */
    public List<ProbeResult> runAll(List<Target> targets) {
        if (targets.isEmpty()) {
            return List.of();
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, targets.size()), task -> {
            Thread thread = new Thread(task, "berth-probe-" + threads.incrementAndGet());
            thread.setDaemon(true); // a probe left waiting never keeps berth from exiting
            return thread;
        });
        List<Future<ProbeResult>> running = new ArrayList<>();
        try {
            for (Target target : targets) {
                running.add(pool.submit(() -> run(target.address(), target.probe())));
            }
            List<ProbeResult> results = new ArrayList<>();
            for (Future<ProbeResult> result : running) {
                results.add(result.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow(); // the running probes end at once, each with an interrupted result
            return finished(running);
        } catch (ExecutionException e) {
            // run() turns network trouble into results: what comes here is a bug, and stays one
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The results of an interrupted batch: those that ended, and "interrupted" for the others. */
    private static List<ProbeResult> finished(List<Future<ProbeResult>> running) {
        List<ProbeResult> results = new ArrayList<>();
        for (Future<ProbeResult> result : running) {
            ProbeResult ended = ProbeResult.failed(0, "the probe was interrupted");
            if (result.isDone() && !result.isCancelled()) {
                try {
                    ended = result.get(); // done: returns at once, though this thread is interrupted
                } catch (InterruptedException | ExecutionException e) {
                    // left as interrupted
                }
            }
            results.add(ended);
        }
        return results;
    }

    /** The verdict on a probe of {@code probe}'s kind at {@code address}. */
    public ProbeResult run(ProbeAddress address, Probe probe) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(Math.max(0, probe.timeoutMillis()));
        try (ProbeConnection connection = connect(address, probe, deadline)) {
            return switch (probe.kind()) {
                case CONNECT -> Answers.watch(connection, start, deadline);
                case BANNER -> Answers.banner(connection, probe, start, deadline);
                case HTTP -> Answers.http(connection, address, probe, start, deadline);
            };
        } catch (ProbeFailure failed) {
            return ProbeResult.failed(Answers.millisSince(start), failed.getMessage());
        } catch (InterruptedIOException | InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.failed(Answers.millisSince(start), "the probe was interrupted");
        }
    }

    /**
     * Connects, trying again while nothing listens yet: the port refuses, or a unix socket's file is not there yet.
     * Any other error fails at once, since waiting will not mend it.
     */
    private static ProbeConnection connect(ProbeAddress address, Probe probe, long deadline)
            throws ProbeFailure, InterruptedException, InterruptedIOException {
        SocketAddress target;
        try {
            target = address.socketAddress();
        } catch (UnknownHostException e) {
            throw new ProbeFailure("cannot connect to " + address.text() + ": " + e.getMessage());
        }
        String timeout = Words.duration(probe.timeoutMillis());
        while (true) {
            ProbeConnection connection = open(address);
            String notYet;
            try {
                if (connection.connect(target, deadline)) {
                    return connection;
                }
                connection.close();
                throw new ProbeFailure("the connection was not accepted within " + timeout);
            } catch (InterruptedIOException e) {
                connection.close();
                throw e;
            } catch (UnsupportedAddressTypeException e) {
                connection.close(); // IPv6 switched off on this host, or Java told to use IPv4 only
                throw new ProbeFailure("cannot connect to " + address.text() + ": this host does not speak its protocol");
            } catch (IOException e) {
                connection.close();
                notYet = notListeningYet(address, e);
                if (notYet == null) {
                    throw new ProbeFailure("the connection failed: " + Answers.message(e));
                }
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left > 0) {
                Thread.sleep(Math.min(left, ThreadLocalRandom.current().nextLong(RETRY_MIN_MILLIS, RETRY_MAX_MILLIS + 1)));
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new ProbeFailure(notYet + " until the timeout (" + timeout + ")");
            }
        }
    }

    private static ProbeConnection open(ProbeAddress address) throws ProbeFailure {
        try {
            return ProbeConnection.open(address);
        } catch (IOException e) {
            throw new ProbeFailure("cannot open a socket: " + Answers.message(e));
        }
    }

    /** What a connect error says when it means the port does not listen yet, or null when it means something else. */
    private static String notListeningYet(ProbeAddress address, IOException e) {
        if (address.unix() && !Files.exists(address.socketPath(), LinkOption.NOFOLLOW_LINKS)) {
            return "the socket " + address.text() + " did not exist";
        }
        if (e instanceof ConnectException) {
            // ECONNREFUSED; ETIMEDOUT is a ConnectException too, and waiting for it again does no harm
            String why = Answers.message(e);
            return why.toLowerCase(Locale.ROOT).contains("refused") ? "the connection was refused"
                    : "the connection failed (" + why + ")";
        }
        return null;
    }
}
