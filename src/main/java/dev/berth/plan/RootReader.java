package dev.berth.plan;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Read access to a root (the port the planner looks through). Paths are relative to the root, use '/'
 * and contain no '.' or '..' components. No method follows a symbolic link below the root.
 */
public interface RootReader {
    /** What is at the path. Reading a regular file hashes it (and keeps its text when it is small UTF-8). */
    Observation look(String path) throws IOException;

    /**
     * What is at the path, where the caller expects a regular file holding {@code expected}: a reader may then
     * compare the bytes instead of hashing them (equal bytes have the expected hash). The result is the same as
     * {@link #look(String)}'s.
     */
    default Observation look(String path, FileState.Regular expected) throws IOException {
        return look(path);
    }

    /**
     * The {@link Stamp} of the regular file or symbolic link at the path, from its metadata alone. Empty when the
     * path holds nothing, something else, or cannot be reached safely, and from a reader that keeps no stamps:
     * then a plan reads every file.
     */
    default Optional<Stamp> stamp(String path) throws IOException {
        return Optional.empty();
    }

    /**
     * The stamps of many paths, as {@link #stamp} gives each (null where it gives none). A root on disk checks each
     * directory on the way once, then looks at each path by its name: a third of the system calls of walking
     * directory handles, for a check that only reads metadata.
     */
    default Stamp[] stamps(List<String> paths) throws IOException {
        Stamp[] stamps = new Stamp[paths.size()];
        for (int i = 0; i < stamps.length; i++) {
            stamps[i] = stamp(paths.get(i)).orElse(null);
        }
        return stamps;
    }

    /**
     * The text of a regular file, at most {@code maxBytes}; empty when it does not exist.
     *
     * @throws IOException when it cannot be read safely: a symbolic link, a parent that is one, or not UTF-8
     */
    Optional<String> readText(String path, int maxBytes) throws IOException;

    /** The bytes of a regular file, as {@link #readText} reads it but without decoding them. */
    default Optional<byte[]> readBytes(String path, int maxBytes) throws IOException {
        return readText(path, maxBytes).map(text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The names in a directory, sorted; empty when it does not exist or cannot be reached safely. */
    List<String> list(String directory) throws IOException;

    /**
     * Runs {@code work}, which reads (and, through a {@link dev.berth.apply.RootFileSystem}, writes) many paths in
     * path order from this thread. A root on disk keeps the directories it walked open meanwhile, so that the
     * next path below the same directories does not walk them again from the root; a link is still never
     * followed. Each thread has a session of its own. Other readers just run it.
     */
    default <T> T session(Supplier<T> work) {
        return work.get();
    }
}
