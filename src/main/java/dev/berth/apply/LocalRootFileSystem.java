package dev.berth.apply;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.berth.plan.FileState;
import dev.berth.plan.Observation;
import dev.berth.plan.RootPaths;
import dev.berth.plan.Stamp;
import dev.berth.tree.TreeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The root on this machine's disk.
 *
 * <p>Every path is walked from the root one directory handle at a time ({@link DirectoryHandles}: openat with
 * O_NOFOLLOW), and each file is opened, renamed and removed relative to its parent's handle. So a symbolic link
 * anywhere below the root is never followed, even one a running guest swaps in while berth works: the handle keeps
 * pointing at the directory that was checked. Two steps Java offers only by path (mkdir, symlink creation) are made
 * safe by what follows them: the new entry is used only through the parent's handle, so if a race put it elsewhere
 * the step fails and nothing is installed outside the root.
 *
 * <p>Files are replaced atomically ({@link StagedWrites}): written to a temp file in the same directory, given their
 * mode, fsynced (many at once, {@link DirectorySyncs}), and renamed over the target. A reader sees the old or the
 * new file, never a part. Directories are fsynced after each change, or in a {@link #session} once each at
 * {@link #sync}.
 */
public final class LocalRootFileSystem implements RootFileSystem {
    private static final int LOCK_MODE = 0644;

    private final Path root;
    private final Checkpoint checkpoint;
    private final DirectoryHandles directories;
    private final StagedWrites writes;

    public LocalRootFileSystem(Path root) {
        this(root, Checkpoint.NONE, true);
    }

    /**
     * @param sync whether to fsync files and directories. Only durability across a power loss needs it; tests
     *             that interrupt the process (not the machine) hundreds of times pass false to run in seconds.
     */
    public LocalRootFileSystem(Path root, Checkpoint checkpoint, boolean sync) {
        this.root = root.toAbsolutePath().normalize();
        DirectorySyncs syncs = new DirectorySyncs(sync);
        this.directories = new DirectoryHandles(this.root, checkpoint, syncs);
        this.writes = new StagedWrites(directories, syncs, checkpoint);
        this.checkpoint = checkpoint;
    }

    public Path root() {
        return root;
    }

    // ------------------------------------------------------------------ reading

    @Override
    public Observation look(String path) throws IOException {
        return look(path, null);
    }

    /** Reads a regular file holding exactly the expected bytes without hashing it: it has the expected hash. */
    @Override
    public Observation look(String path, FileState.Regular expected) throws IOException {
        List<String> parts = RootPaths.parts(path);
        try (SecureDirectoryStream<Path> dir = openDirectory(parts.subList(0, parts.size() - 1), false)) {
            if (dir == null) {
                return new Observation.Absent();
            }
            Path name = Path.of(parts.get(parts.size() - 1));
            PosixFileAttributes attributes = lstat(dir, name);
            if (attributes == null) {
                return new Observation.Absent();
            }
            if (attributes.isSymbolicLink()) {
                // Java reads links only by path; the parents were just walked without following links, and a
                // race here can only mislead the plan, which apply checks again before it acts
                return new Observation.Present(new FileState.Link(Files.readSymbolicLink(root.resolve(path)).toString()));
            }
            if (attributes.isDirectory()) {
                return new Observation.Directory();
            }
            if (!attributes.isRegularFile()) {
                return new Observation.Other("special file (device, socket or FIFO)");
            }
            return new Observation.Present(FileContents.read(dir, name, mode(attributes.permissions()), attributes.size(), expected));
        } catch (UnsafePathException e) {
            return new Observation.Blocked(e.component(), e.symlink());
        }
    }

    @Override
    public Optional<Stamp> stamp(String path) throws IOException {
        List<String> parts = RootPaths.parts(path);
        try (SecureDirectoryStream<Path> dir = openDirectory(parts.subList(0, parts.size() - 1), false)) {
            PosixFileAttributes attributes = dir == null ? null : lstat(dir, Path.of(parts.get(parts.size() - 1)));
            if (attributes == null || !(attributes.isRegularFile() || attributes.isSymbolicLink())) {
                return Optional.empty();
            }
            return Optional.of(Stamp.of(attributes, mode(attributes.permissions())));
        } catch (UnsafePathException e) {
            return Optional.empty();
        }
    }

    /**
     * Every directory on the way is checked to be one (not a link) before the paths below it are looked at by name,
     * so no link is followed; a directory swapped for a link after its check can only mislead this read, like a race
     * during any plan, and apply walks handles again.
     */
    @Override
    public Stamp[] stamps(List<String> paths) throws IOException {
        Stamp[] stamps = new Stamp[paths.size()];
        Map<String, Boolean> directories = new HashMap<>();
        directories.put("", true);
        for (int i = 0; i < stamps.length; i++) {
            String path = paths.get(i);
            RootPaths.parts(path); // refuses what is not a normalized path below the root
            int slash = path.lastIndexOf('/');
            if (!directory(slash < 0 ? "" : path.substring(0, slash), directories)) {
                continue;
            }
            PosixFileAttributes attributes = lstat(root.resolve(path));
            if (attributes != null && (attributes.isRegularFile() || attributes.isSymbolicLink())) {
                stamps[i] = Stamp.of(attributes, mode(attributes.permissions()));
            }
        }
        return stamps;
    }

    /** Whether the path and each directory above it is a directory, not a link; remembered per path. */
    private boolean directory(String path, Map<String, Boolean> known) throws IOException {
        Boolean result = known.get(path);
        if (result == null) {
            int slash = path.lastIndexOf('/');
            PosixFileAttributes attributes = directory(slash < 0 ? "" : path.substring(0, slash), known) ? lstat(root.resolve(path)) : null;
            result = attributes != null && attributes.isDirectory();
            known.put(path, result);
        }
        return result;
    }

    private static PosixFileAttributes lstat(Path path) throws IOException {
        try {
            return Files.readAttributes(path, PosixFileAttributes.class, NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public Optional<String> readText(String path, int maxBytes) throws IOException {
        Optional<byte[]> bytes = readBytes(path, maxBytes);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(FileContents.decode(bytes.get()).orElseThrow(() -> new IOException(path + " is not UTF-8 text")));
    }

    @Override
    public Optional<byte[]> readBytes(String path, int maxBytes) throws IOException {
        List<String> parts = RootPaths.parts(path);
        try (SecureDirectoryStream<Path> dir = openDirectory(parts.subList(0, parts.size() - 1), false)) {
            if (dir == null) {
                return Optional.empty();
            }
            Path name = Path.of(parts.get(parts.size() - 1));
            PosixFileAttributes attributes = lstat(dir, name);
            if (attributes == null) {
                return Optional.empty();
            }
            if (attributes.isSymbolicLink()) {
                throw new UnsafePathException(path, true);
            }
            if (!attributes.isRegularFile()) {
                throw new IOException(path + " is not a regular file");
            }
            // sized for the file as it was seen (procfs files say 0): one read for most, growing for the rest
            ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(maxBytes + 1L, Math.max(0, attributes.size()) + 1));
            try (SeekableByteChannel channel = dir.newByteChannel(name, Set.of(READ, NOFOLLOW_LINKS))) {
                ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
                while (channel.read(buffer) >= 0) {
                    bytes.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                    if (bytes.size() > maxBytes) {
                        throw new IOException(path + " is larger than " + maxBytes + " bytes");
                    }
                }
            }
            return Optional.of(bytes.toByteArray());
        }
    }

    @Override
    public List<String> list(String directory) throws IOException {
        List<String> names = new ArrayList<>();
        List<String> parts = RootPaths.parts(directory);
        // a stream is listed once: the directory is opened afresh below its parent, never a handle a session keeps
        try (SecureDirectoryStream<Path> parent = openDirectory(parts.subList(0, parts.size() - 1), false)) {
            Path name = Path.of(parts.get(parts.size() - 1));
            PosixFileAttributes attributes = parent == null ? null : lstat(parent, name);
            if (attributes != null && attributes.isDirectory()) {
                try (SecureDirectoryStream<Path> dir = parent.newDirectoryStream(name, NOFOLLOW_LINKS)) {
                    for (Path entry : dir) {
                        names.add(entry.getFileName().toString());
                    }
                } catch (FileSystemException e) {
                    return List.of(); // swapped for a link or a file since the look: not listed
                }
            }
        } catch (UnsafePathException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }

    // ------------------------------------------------------------------ writing

    @Override
    public void writeFile(String path, byte[] content, int mode) throws IOException {
        Staging staging = stage(List.of(new FileWrite(path, content, mode))).get(0);
        if (staging.failure() != null) {
            throw staging.failure();
        }
        install(staging.staged());
    }

    @Override
    public List<Staging> stage(List<FileWrite> files) {
        return writes.stage(files);
    }

    @Override
    public void install(Staged staged) throws IOException {
        if (StagedWrites.ours(staged)) {
            writes.install(staged);
        } else {
            RootFileSystem.super.install(staged);
        }
    }

    @Override
    public void discard(Staged staged) {
        if (StagedWrites.ours(staged)) {
            writes.discard(staged);
        }
    }

    @Override
    public void writeSymlink(String path, String target) throws IOException {
        writes.writeSymlink(path, target);
    }

    @Override
    public void delete(String path) throws IOException {
        List<String> parts = RootPaths.parts(path);
        try (SecureDirectoryStream<Path> dir = openDirectory(parts.subList(0, parts.size() - 1), false)) {
            if (dir == null) {
                return;
            }
            checkpoint.reached("remove " + path);
            try {
                dir.deleteFile(Path.of(parts.get(parts.size() - 1))); // unlinkat: a link itself goes, never its target
            } catch (NoSuchFileException e) {
                return;
            }
            checkpoint.reached("fsync directory of " + path);
            directories.renamedIn(dir, parts);
        }
    }

    /**
     * rmdir relative to the parent's handle (unlinkat with AT_REMOVEDIR), which never follows a link: a directory
     * swapped for a link after the check below makes it fail, and the link's target is never touched.
     */
    @Override
    public void deleteDirectory(String path) throws IOException {
        List<String> parts = RootPaths.parts(path);
        try (SecureDirectoryStream<Path> dir = openDirectory(parts.subList(0, parts.size() - 1), false)) {
            if (dir == null) {
                return;
            }
            Path name = Path.of(parts.get(parts.size() - 1));
            PosixFileAttributes attributes = lstat(dir, name);
            if (attributes == null) {
                return;
            }
            if (attributes.isSymbolicLink()) {
                throw new UnsafePathException(path, true);
            }
            if (!attributes.isDirectory()) {
                throw new IOException(path + " is not a directory");
            }
            // a session's walk to the parent closed any handle it kept of the directory: later paths there are missing
            checkpoint.reached("remove directory " + path);
            try {
                dir.deleteDirectory(name);
            } catch (NoSuchFileException e) {
                return;
            }
            checkpoint.reached("fsync directory of " + path);
            directories.renamedIn(dir, parts);
        }
    }

    @Override
    public RootLock lock() throws IOException {
        List<String> parts = RootPaths.parts(LOCK_PATH);
        try (SecureDirectoryStream<Path> dir = openDirectory(parts.subList(0, parts.size() - 1), true)) {
            FileChannel channel = (FileChannel) dir.newByteChannel(Path.of(parts.get(parts.size() - 1)),
                    Set.of(CREATE, READ, WRITE, NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(TreeWriter.permissions(LOCK_MODE)));
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another run inside this JVM
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                ByteBuffer holder = ByteBuffer.allocate(64);
                channel.read(holder, 0);
                channel.close();
                throw new LockHeldException(new String(holder.array(), 0, holder.position(), StandardCharsets.UTF_8));
            }
            // the pid is for the refused run's message; the lock itself is the flock, released on exit or crash
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            FileLock held = lock;
            return () -> {
                try {
                    held.release();
                    channel.close();
                } catch (IOException e) {
                    // closing the descriptor releases the lock in any case
                }
            };
        }
    }

    @Override
    public <T> T session(Supplier<T> work) {
        return directories.session(work);
    }

    @Override
    public void sync() throws IOException {
        directories.sync();
    }

    private SecureDirectoryStream<Path> openDirectory(List<String> parts, boolean create) throws IOException {
        return directories.open(parts, create);
    }

    private static PosixFileAttributes lstat(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        return DirectoryHandles.lstat(dir, name);
    }

    private static int mode(Set<PosixFilePermission> permissions) {
        return FileContents.mode(permissions);
    }
}
