package dev.berth.plan;

import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Reads many paths of a root, given by index in path order: a small number on this thread, a large one in runs of
 * neighbouring paths on several threads. Each run is a {@link RootReader#session} of its own, so its neighbours share
 * the directories it keeps open.
 */
final class RootRuns {
    /** From this many paths on, runs go to several threads (ten thousand containers are a hundred thousand files). */
    static final int PARALLEL_FROM = 1024;
    /** Paths one thread reads in a row. */
    private static final int RUN = 1024;

    private RootRuns() {
    }

    /** Calls {@code each} once per index; for a large count on several threads, each index on one of them. */
    static void forEach(RootReader files, int count, int parallelFrom, IntConsumer each) {
        allMatch(files, count, parallelFrom, i -> {
            each.accept(i);
            return true;
        });
    }

    /** Whether {@code test} holds for every index; stops at the first that fails (on several threads, soon after). */
    static boolean allMatch(RootReader files, int count, int parallelFrom, IntPredicate test) {
        int run = count >= parallelFrom ? Math.max(1, Math.min(RUN, count / 8)) : Math.max(1, count);
        int runs = (count + run - 1) / run;
        IntStream range = IntStream.range(0, runs);
        return (count >= parallelFrom ? range.parallel() : range).allMatch(r -> files.session(() -> {
            for (int i = r * run; i < Math.min(count, (r + 1) * run); i++) {
                if (!test.test(i)) {
                    return false;
                }
            }
            return true;
        }));
    }
}
