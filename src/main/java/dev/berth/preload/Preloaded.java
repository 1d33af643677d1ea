package dev.berth.preload;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A value that is costly to build the first time in a process (a library's classes initialized, a schema or a
 * template parsed) and then shared. {@link #start} begins building it on a background thread, so that on a
 * machine with a second core it is ready by the time the pipeline reaches it; {@link #get} builds it on the
 * calling thread when nobody started it, or waits for the build under way.
 */
public final class Preloaded<T> {
    private final String name;
    private final FutureTask<T> task;
    private final AtomicBoolean started = new AtomicBoolean();

    public Preloaded(String name, Callable<T> build) {
        this.name = name;
        this.task = new FutureTask<>(build);
    }

    /** Starts building on a daemon thread, once; returns at once. */
    public void start() {
        if (!task.isDone() && started.compareAndSet(false, true)) {
            Thread thread = new Thread(task, "berth-preload-" + name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The value; a failure to build it is thrown here, as if it had been built on this thread. */
    public T get() {
        task.run(); // builds it here unless it is built or being built; then waits below
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("cannot build " + name + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }
}
