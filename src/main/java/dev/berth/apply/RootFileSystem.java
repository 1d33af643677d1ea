package dev.berth.apply;

import dev.berth.plan.RootReader;
import java.io.IOException;
import java.util.List;

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

    /** A regular file to write: its path, bytes and mode. */
    record FileWrite(String path, byte[] content, int mode) {
    }

    /** A file written next to its path and not yet in place: {@link #install} puts it there. */
    interface Staged {
        String path();
    }

    /** A staged file, or why it could not be staged. */
    record Staging(Staged staged, IOException failure) {
    }

    /**
     * Writes each file next to its path, durable but not yet in place, so that {@link #install} then replaces the
     * path in one step. Staging many files at once lets a disk sync them together instead of one after the other.
     * The result has one entry per file, in order, up to and including the first that failed; what is staged and
     * never installed must be {@link #discard}ed. This default stages nothing and writes each file when installed.
     */
    default List<Staging> stage(List<FileWrite> writes) {
        return writes.stream().map(w -> new Staging(new Unwritten(w), null)).toList();
    }

    /** Replaces the staged file's path by it in one step, as {@link #writeFile} does. */
    default void install(Staged staged) throws IOException {
        FileWrite write = ((Unwritten) staged).write();
        writeFile(write.path(), write.content(), write.mode());
    }

    /** Removes a staged file that will not be installed; never fails (a leftover is removed by the next apply). */
    default void discard(Staged staged) {
    }

    /** What the default {@link #stage} hands out: the write itself, done at {@link #install}. */
    record Unwritten(FileWrite write) implements Staged {
        @Override
        public String path() {
            return write.path();
        }
    }

    /** Replaces the path by a symbolic link in one step. */
    void writeSymlink(String path, String target) throws IOException;

    /** Removes a file or link (never a directory); nothing happens when it is already gone. */
    void delete(String path) throws IOException;

    /**
     * Removes an empty directory, never a link to one (refused with {@link UnsafePathException}) nor a file; nothing
     * happens when it is already gone. Only berth's own bookkeeping removes directories: those of generations no
     * longer kept ({@link Generations}).
     *
     * @throws java.nio.file.DirectoryNotEmptyException when it still holds entries
     */
    void deleteDirectory(String path) throws IOException;

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
