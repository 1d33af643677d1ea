package dev.berth.apply;

import dev.berth.plan.RootReader;
import java.io.IOException;

/**
 * Write access to a root: the port apply changes files through. Like reading, writing never follows a
 * symbolic link below the root; a path that would need to is refused with {@link UnsafePathException}.
 * Missing parent directories are created with mode 0755.
 */
public interface RootFileSystem extends RootReader {
    /** Where the lock lives below the root. */
    String LOCK_PATH = "var/lib/berth/lock";

    /** Replaces the path by a file with this content and mode in one step: readers see the old or the new file. */
    void writeFile(String path, byte[] content, int mode) throws IOException;

    /** Replaces the path by a symbolic link in one step. */
    void writeSymlink(String path, String target) throws IOException;

    /** Removes a file or link (never a directory); nothing happens when it is already gone. */
    void delete(String path) throws IOException;

    /**
     * Makes every write, link and removal so far durable. Each one is atomic, and a file's bytes are durable
     * before it replaces the old one; within a {@link #session} a root on disk may leave the directory entries
     * (the renames themselves) to this call, one sync per directory instead of one per file.
     */
    default void sync() throws IOException {
    }

    /**
     * Takes the root's lock for the caller's lifetime of the returned handle.
     *
     * @throws LockHeldException when another apply or destroy holds it
     */
    RootLock lock() throws IOException;
}
