package dev.berth.apply;

import static java.nio.file.StandardOpenOption.READ;

import dev.berth.plan.RootPaths;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Making writes durable: fsync of files and directories, one now or many at once. A sync waits for the disk, and a
 * disk takes many at once about as fast as one (ten thousand containers: 110,000 files, 60,000 directories), so
 * several are forced on a small pool of threads of their own. Off ({@code sync} false) nothing is synced: only
 * durability across a power loss needs it, and tests that interrupt the process hundreds of times run in seconds.
 */
final class DirectorySyncs {
    /** Directories opened for one round of syncs: enough to keep a disk busy, few enough for any descriptor limit. */
    private static final int SYNC_BATCH = 256;
    /** Syncs waiting for the disk at once. */
    private static final int SYNC_THREADS = 8;

    private final boolean sync;

    DirectorySyncs(boolean sync) {
        this.sync = sync;
    }

    boolean enabled() {
        return sync;
    }

    /** Opens a directory below the root by its components, or null when it is gone. */
    interface Opener {
        SecureDirectoryStream<Path> open(List<String> parts) throws IOException;
    }

    /** Makes the directory's entries (made, renamed, removed) durable now. */
    void fsync(SecureDirectoryStream<Path> dir) throws IOException {
        if (!sync) {
            return;
        }
        try (SeekableByteChannel self = dir.newByteChannel(Path.of("."), Set.of(READ))) {
            if (self instanceof FileChannel file) {
                file.force(true);
            }
        }
    }

    /**
     * Syncs each of the directories (paths below the root, "" for the root), a batch at a time, each opened through
     * {@code opener}; a directory is removed from the set once it is synced, so after a failure the set holds what
     * is left.
     */
    void syncAll(SortedSet<String> directories, Opener opener) throws IOException {
        if (!sync) {
            directories.clear();
            return;
        }
        while (!directories.isEmpty()) {
            List<String> batch = new ArrayList<>();
            for (String directory : directories) {
                if (batch.size() == SYNC_BATCH) {
                    break;
                }
                batch.add(directory);
            }
            List<FileChannel> opened = new ArrayList<>();
            try {
                for (String directory : batch) {
                    try (SecureDirectoryStream<Path> dir = opener.open(directory.isEmpty() ? List.of() : RootPaths.parts(directory))) {
                        if (dir != null) {
                            opened.add((FileChannel) dir.newByteChannel(Path.of("."), Set.of(READ)));
                        }
                    }
                }
                for (IOException failure : forceAll(opened)) {
                    if (failure != null) {
                        throw failure;
                    }
                }
            } finally {
                for (FileChannel channel : opened) {
                    channel.close();
                }
            }
            directories.removeAll(batch);
        }
    }

    /** Forces every channel to disk, several at a time; the failure of each, or null (all null when syncing is off). */
    IOException[] forceAll(List<? extends SeekableByteChannel> channels) {
        IOException[] failures = new IOException[channels.size()];
        if (!sync) {
            return failures;
        }
        if (channels.size() < 2) {
            for (int i = 0; i < channels.size(); i++) {
                failures[i] = syncOne((FileChannel) channels.get(i));
            }
            return failures;
        }
        ExecutorService syncs = Executors.newFixedThreadPool(Math.min(SYNC_THREADS, channels.size()), r -> {
            Thread thread = new Thread(r, "berth-sync");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<IOException>> done = new ArrayList<>();
            for (SeekableByteChannel channel : channels) {
                done.add(syncs.submit(() -> syncOne((FileChannel) channel)));
            }
            for (int i = 0; i < failures.length; i++) {
                try {
                    failures[i] = done.get(i).get();
                } catch (ExecutionException e) {
                    failures[i] = new IOException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures[i] = new InterruptedIOException("interrupted while syncing");
                }
            }
            return failures;
        } finally {
            syncs.shutdownNow();
        }
    }

    private static IOException syncOne(FileChannel channel) {
        try {
            channel.force(true);
            return null;
        } catch (IOException e) {
            return e;
        }
    }
}
