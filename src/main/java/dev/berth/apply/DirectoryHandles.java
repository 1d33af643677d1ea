package dev.berth.apply;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import dev.berth.tree.TreeWriter;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The directories below a root, opened component by component from the root without following links
 * ({@link SecureDirectoryStream}: openat with O_NOFOLLOW), and in a {@link #session} kept open for the next path.
 * It also tracks which directories had entries made, renamed or removed: synced at once, or in a session once each
 * at {@link #sync}.
 */
final class DirectoryHandles {
    private static final int DIRECTORY_MODE = 0755;

    private final Path root;
    private final Checkpoint checkpoint;
    private final DirectorySyncs syncs;
    /** The walk of the session each thread runs, if any: see {@link #session}. */
    private final ThreadLocal<Walk> walks = new ThreadLocal<>();

    DirectoryHandles(Path root, Checkpoint checkpoint, DirectorySyncs syncs) {
        this.root = root;
        this.checkpoint = checkpoint;
        this.syncs = syncs;
    }

    /**
     * The directory at {@code parts} below the root, opened component by component without following links.
     *
     * @param create make missing directories (mode 0755); otherwise return null when one is missing
     * @throws UnsafePathException when a component is a symbolic link or not a directory
     */
    SecureDirectoryStream<Path> open(List<String> parts, boolean create) throws IOException {
        Walk walk = walks.get();
        if (walk != null) {
            return walk.open(parts, create);
        }
        SecureDirectoryStream<Path> dir = openRoot();
        StringBuilder walked = new StringBuilder();
        try {
            for (String part : parts) {
                walked.append(walked.length() == 0 ? "" : "/").append(part);
                Path name = Path.of(part);
                if (!checkComponent(dir, walked.toString(), name, create)) {
                    dir.close();
                    return null;
                }
                SecureDirectoryStream<Path> next = descend(dir, walked.toString(), name);
                dir.close();
                dir = next;
            }
            return dir;
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /**
     * Checks that {@code name} in {@code dir} is a directory, not a link, making it when missing and {@code create};
     * false when it is missing and not made.
     */
    private boolean checkComponent(SecureDirectoryStream<Path> dir, String walked, Path name, boolean create) throws IOException {
        PosixFileAttributes attributes = lstat(dir, name);
        if (attributes == null) {
            if (!create) {
                return false;
            }
            makeDirectory(dir, walked, name);
        } else if (attributes.isSymbolicLink()) {
            throw new UnsafePathException(walked, true);
        } else if (!attributes.isDirectory()) {
            throw new UnsafePathException(walked, false);
        }
        return true;
    }

    private static SecureDirectoryStream<Path> descend(SecureDirectoryStream<Path> dir, String walked, Path name) throws IOException {
        try {
            return dir.newDirectoryStream(name, NOFOLLOW_LINKS);
        } catch (FileSystemException e) {
            throw new UnsafePathException(walked, true); // swapped since the check
        }
    }

    /**
     * Runs {@code work} with the directories it walks kept open between paths (see {@link Walk}); what it changed
     * and left unsynced is synced before it ends. Nested sessions are part of the outer one.
     */
    <T> T session(Supplier<T> work) {
        if (walks.get() != null) {
            return work.get(); // nested: the outer session keeps walking
        }
        Walk started = new Walk();
        walks.set(started);
        try {
            return work.get();
        } finally {
            try {
                sync(); // what the work left unsynced (it stopped early): durable before the session ends
            } catch (IOException e) {
                // the work has failed already and says so; these directories are synced by the system soon anyway
            }
            walks.remove();
            started.close();
        }
    }

    /** Syncs the directories this thread's session changed; nothing outside a session (each was synced at once). */
    void sync() throws IOException {
        Walk walk = walks.get();
        if (walk != null) {
            // each directory is opened here, walking checked handles
            syncs.syncAll(walk.unsynced, parts -> open(parts, false));
        }
    }

    /** A file was renamed into or removed from the directory of {@code parts}: see {@link #changed}. */
    void renamedIn(SecureDirectoryStream<Path> dir, List<String> parts) throws IOException {
        changed(dir, String.join("/", parts.subList(0, parts.size() - 1)));
    }

    /**
     * An entry of the directory was made, renamed or removed: made durable now, or in a session once for each
     * directory at {@link #sync} (a file's own bytes are always synced before its rename). Nothing needs a
     * directory durable earlier: the manifest claims a path before anything is written there, so a crash that
     * loses a new directory or entry only leaves a path the manifest lists and the next apply writes again.
     */
    private void changed(SecureDirectoryStream<Path> dir, String directory) throws IOException {
        Walk walk = walks.get();
        if (walk != null && syncs.enabled()) {
            walk.unsynced.add(directory);
        } else {
            syncs.fsync(dir);
        }
    }

    /** The parent directory of a path below the root, by path: for the two steps Java offers only by path. */
    Path pathOf(List<String> directory) {
        return directory.isEmpty() ? root : root.resolve(String.join("/", directory));
    }

    static PosixFileAttributes lstat(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        try {
            return dir.getFileAttributeView(name, PosixFileAttributeView.class, NOFOLLOW_LINKS).readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private SecureDirectoryStream<Path> openRoot() throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(root); // the root itself is the admin's choice: followed
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return secure;
        }
        stream.close();
        throw new IOException("this platform cannot open files relative to a directory handle; berth cannot write "
                + "below " + root + " without following symbolic links");
    }

    private void makeDirectory(SecureDirectoryStream<Path> parent, String relative, Path name) throws IOException {
        checkpoint.reached("create directory " + relative);
        try {
            Files.createDirectory(root.resolve(relative));
        } catch (FileAlreadyExistsException e) {
            // made meanwhile by someone else: the caller's open checks what it is
        }
        // the mode is set through the parent's handle, without following: umask-proof, and fails if a race moved it
        parent.getFileAttributeView(name, PosixFileAttributeView.class, NOFOLLOW_LINKS)
                .setPermissions(TreeWriter.permissions(DIRECTORY_MODE));
        int slash = relative.lastIndexOf('/');
        changed(parent, slash < 0 ? "" : relative.substring(0, slash));
    }

    /**
     * The directories a session walked last, kept open: the root, then one handle per component of the last
     * directory asked for. The next directory reuses the handles of the components it shares with it (paths come
     * in order, so most share all but the last few) and opens the rest as {@link #open} does, checking each
     * component. A handle keeps pointing at the directory that was checked when it was opened, so a link swapped in
     * later is never followed. The handles it hands out do not close on {@code close()} ({@link KeptOpenDirectory});
     * the session closes them when it ends.
     */
    private final class Walk {
        /** Directories with renames or removals not yet synced, in path order. */
        final TreeSet<String> unsynced = new TreeSet<>();
        private SecureDirectoryStream<Path> rootDir;
        private final List<String> names = new ArrayList<>();
        private final List<SecureDirectoryStream<Path>> dirs = new ArrayList<>();
        /**
         * The components of the directory last found missing: everything below it is missing too, until this
         * session makes a directory (writing) or walks elsewhere. An empty root is then looked at without a
         * system call per path.
         */
        private List<String> missing = List.of();

        SecureDirectoryStream<Path> open(List<String> parts, boolean create) throws IOException {
            if (create) {
                missing = List.of();
            } else if (!missing.isEmpty() && parts.size() >= missing.size() && parts.subList(0, missing.size()).equals(missing)) {
                return null;
            }
            int shared = 0;
            while (shared < names.size() && shared < parts.size() && names.get(shared).equals(parts.get(shared))) {
                shared++;
            }
            while (names.size() > shared) {
                names.remove(names.size() - 1);
                dirs.remove(dirs.size() - 1).close();
            }
            if (rootDir == null) {
                rootDir = openRoot();
            }
            SecureDirectoryStream<Path> dir = shared == 0 ? rootDir : dirs.get(shared - 1);
            for (int i = shared; i < parts.size(); i++) {
                String walked = String.join("/", parts.subList(0, i + 1));
                Path name = Path.of(parts.get(i));
                if (!checkComponent(dir, walked, name, create)) {
                    missing = List.copyOf(parts.subList(0, i + 1));
                    return null;
                }
                dir = descend(dir, walked, name);
                names.add(parts.get(i));
                dirs.add(dir);
            }
            return new KeptOpenDirectory(dir);
        }

        void close() {
            for (SecureDirectoryStream<Path> dir : dirs) {
                closeQuietly(dir);
            }
            if (rootDir != null) {
                closeQuietly(rootDir);
            }
            dirs.clear();
            names.clear();
        }

        private static void closeQuietly(SecureDirectoryStream<Path> dir) {
            try {
                dir.close();
            } catch (IOException e) {
                // a directory opened for reading: nothing is lost
            }
        }
    }
}
