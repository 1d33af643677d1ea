package dev.berth.apply;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.berth.plan.FileState;
import dev.berth.plan.Observation;
import dev.berth.plan.RootPaths;
import dev.berth.plan.Stamp;
import dev.berth.tree.TreeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The root on this machine's disk.
 *
 * <p>Every path is walked from the root one directory handle at a time ({@link SecureDirectoryStream}:
 * openat with O_NOFOLLOW), and each file is opened, renamed and removed relative to its parent's handle. So
 * a symbolic link anywhere below the root is never followed, even one a running guest swaps in while berth
 * works: the handle keeps pointing at the directory that was checked. Two steps Java offers only by path
 * (mkdir, symlink creation) are made safe by what follows them: the new entry is used only through the
 * parent's handle, so if a race put it elsewhere the step fails and nothing is installed outside the root.
 *
 * <p>Files are replaced atomically: written to a temp file in the same directory, given their mode, fsynced
 * (many at once: {@link #stage}), and renamed over the target. A reader sees the old or the new file, never a
 * part. Directories are fsynced after each change, or in a {@link #session} once each at {@link #sync}.
 */
public final class LocalRootFileSystem implements RootFileSystem {
    /** Files up to this size keep their text for diffs; bigger ones are only hashed. */
    private static final int TEXT_LIMIT = 1024 * 1024;
    private static final int DIRECTORY_MODE = 0755;
    private static final int LOCK_MODE = 0644;

    private final Path root;
    private final Checkpoint checkpoint;
    private final boolean sync;

    public LocalRootFileSystem(Path root) {
        this(root, Checkpoint.NONE, true);
    }

    /**
     * @param sync whether to fsync files and directories. Only durability across a power loss needs it; tests
     *             that interrupt the process (not the machine) hundreds of times pass false to run in seconds.
     */
    public LocalRootFileSystem(Path root, Checkpoint checkpoint, boolean sync) {
        this.root = root.toAbsolutePath().normalize();
        this.checkpoint = checkpoint;
        this.sync = sync;
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
            return new Observation.Present(read(dir, name, mode(attributes.permissions()), attributes.size(), expected));
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
        java.util.Map<String, Boolean> directories = new java.util.HashMap<>();
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
    private boolean directory(String path, java.util.Map<String, Boolean> known) throws IOException {
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

    private static FileState.Regular read(SecureDirectoryStream<Path> dir, Path name, int mode, long size,
                                          FileState.Regular expected) throws IOException {
        byte[] wanted = expected != null && expected.text().isPresent() ? expected.bytes() : null;
        if (wanted != null && wanted.length == size) {
            try (SeekableByteChannel channel = dir.newByteChannel(name, Set.of(READ, NOFOLLOW_LINKS))) {
                ByteBuffer buffer = ByteBuffer.allocate(wanted.length + 1);
                while (channel.read(buffer) >= 0 && buffer.position() <= wanted.length) {
                    // read to the end, or until the file proves longer than expected
                }
                if (buffer.position() == wanted.length && Arrays.equals(buffer.array(), 0, wanted.length, wanted, 0, wanted.length)) {
                    return new FileState.Regular(expected.sha256(), mode, expected.text());
                }
            }
            // it changed size under us, or its bytes differ: hashed below like any file
        }
        MessageDigest digest = sha256();
        // sized for the file as it was seen (one more byte, so a file the size says is read in one call); it may
        // have grown since, and is read to its end in any case
        int sized = (int) Math.min(TEXT_LIMIT, Math.max(0, size));
        ByteArrayOutputStream kept = new ByteArrayOutputStream(sized);
        boolean whole = true;
        try (SeekableByteChannel channel = dir.newByteChannel(name, Set.of(READ, NOFOLLOW_LINKS))) {
            ByteBuffer buffer = ByteBuffer.allocate(Math.min(64 * 1024, sized + 1));
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer.duplicate());
                if (kept.size() + buffer.remaining() <= TEXT_LIMIT) {
                    kept.write(buffer.array(), 0, buffer.remaining());
                } else {
                    whole = false;
                }
                buffer.clear();
            }
        }
        Optional<String> text = whole ? decode(kept.toByteArray()) : Optional.empty();
        return new FileState.Regular(HexFormat.of().formatHex(digest.digest()), mode, text);
    }

    @Override
    public Optional<String> readText(String path, int maxBytes) throws IOException {
        Optional<byte[]> bytes = readBytes(path, maxBytes);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(decode(bytes.get()).orElseThrow(() -> new IOException(path + " is not UTF-8 text")));
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

    /** A temp file in its path's directory, holding the path's new bytes and mode. */
    private record TempFile(String path, List<String> parts, Path temp) implements Staged {
        List<String> parent() {
            return parts.subList(0, parts.size() - 1);
        }

        Path name() {
            return Path.of(parts.get(parts.size() - 1));
        }
    }

    /**
     * Writes each file to its temp file (created exclusively, through the directory's checked handle) and gives it
     * its mode, then syncs them all, several at a time: a file's bytes and mode are durable before it can replace
     * anything.
     */
    @Override
    public List<Staging> stage(List<FileWrite> writes) {
        List<Staging> staged = new ArrayList<>();
        List<SeekableByteChannel> channels = new ArrayList<>();
        try {
            for (FileWrite write : writes) {
                try {
                    channels.add(writeTemp(write, staged));
                } catch (IOException e) {
                    staged.add(new Staging(null, e)); // the temp file may stay, as after a crash: removed by the next apply
                    return staged;
                }
            }
            for (int i = 0; i < channels.size(); i++) {
                try {
                    checkpoint.reached("fsync temp file for " + staged.get(i).staged().path());
                } catch (IOException e) {
                    return upTo(staged, i, e, channels.subList(0, i));
                }
            }
            IOException[] failures = sync ? forceAll(channels) : new IOException[channels.size()];
            for (int i = 0; i < failures.length; i++) {
                if (failures[i] != null) {
                    return upTo(staged, i, failures[i], List.of());
                }
            }
            return staged;
        } finally {
            for (SeekableByteChannel channel : channels) {
                closeQuietly(channel);
            }
        }
    }

    /**
     * The staging up to the file that failed: the temp files after it are removed (they will not be installed),
     * and those before it are synced first, since the caller installs them.
     */
    private List<Staging> upTo(List<Staging> staged, int failed, IOException failure, List<SeekableByteChannel> before) {
        for (Staging later : staged.subList(failed + 1, staged.size())) {
            discard(later.staged());
        }
        IOException[] failures = sync ? forceAll(before) : new IOException[before.size()];
        for (int i = 0; i < failures.length; i++) {
            if (failures[i] != null) {
                return upTo(staged, i, failures[i], List.of());
            }
        }
        List<Staging> result = new ArrayList<>(staged.subList(0, failed));
        result.add(new Staging(null, failure)); // its temp file stays, as after a crash: removed by the next apply
        return result;
    }

    /** Creates and writes the temp file for one write; returns it still open, to be synced. */
    private SeekableByteChannel writeTemp(FileWrite write, List<Staging> staged) throws IOException {
        List<String> parts = RootPaths.parts(write.path());
        TempFile file = new TempFile(write.path(), parts, tempName(Path.of(parts.get(parts.size() - 1))));
        try (SecureDirectoryStream<Path> dir = openDirectory(file.parent(), true)) {
            checkpoint.reached("create temp file for " + write.path());
            Set<PosixFilePermission> permissions = TreeWriter.permissions(write.mode());
            SeekableByteChannel channel;
            try {
                channel = dir.newByteChannel(file.temp(), Set.of(CREATE_NEW, WRITE, NOFOLLOW_LINKS),
                        PosixFilePermissions.asFileAttribute(permissions));
            } catch (FileAlreadyExistsException e) {
                dir.deleteFile(file.temp()); // left by an interrupted run (the name is fixed per target)
                channel = dir.newByteChannel(file.temp(), Set.of(CREATE_NEW, WRITE, NOFOLLOW_LINKS),
                        PosixFilePermissions.asFileAttribute(permissions));
            }
            try {
                checkpoint.reached("write temp file for " + write.path());
                ByteBuffer buffer = ByteBuffer.wrap(write.content());
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // the umask may have narrowed the mode given at creation; set it exactly, on the entry itself
                dir.getFileAttributeView(file.temp(), PosixFileAttributeView.class, NOFOLLOW_LINKS).setPermissions(permissions);
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                throw e;
            }
            staged.add(new Staging(file, null));
            return channel;
        }
    }

    @Override
    public void install(Staged staged) throws IOException {
        if (!(staged instanceof TempFile file)) {
            RootFileSystem.super.install(staged);
            return;
        }
        try (SecureDirectoryStream<Path> dir = openDirectory(file.parent(), false)) {
            if (dir == null) {
                throw new NoSuchFileException(file.path(), null, "its directory went away after the file was written");
            }
            checkpoint.reached("rename temp file over " + file.path());
            dir.move(file.temp(), dir, file.name());
            checkpoint.reached("fsync directory of " + file.path());
            renamedIn(dir, file.parts());
        }
    }

    @Override
    public void discard(Staged staged) {
        if (staged instanceof TempFile file) {
            try (SecureDirectoryStream<Path> dir = openDirectory(file.parent(), false)) {
                if (dir != null) {
                    dir.deleteFile(file.temp());
                }
            } catch (IOException e) {
                // left where it is: the next apply that writes this path removes it first
            }
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // written and synced already, or about to be discarded
        }
    }

    @Override
    public void writeSymlink(String path, String target) throws IOException {
        List<String> parts = RootPaths.parts(path);
        List<String> parent = parts.subList(0, parts.size() - 1);
        try (SecureDirectoryStream<Path> dir = openDirectory(parent, true)) {
            Path name = Path.of(parts.get(parts.size() - 1));
            Path temp = tempName(name);
            checkpoint.reached("create temp link for " + path);
            // Java creates links only by path. If a race swapped a parent for a link, the temp link lands
            // elsewhere (a dot name systemd ignores) and the rename below, relative to the checked handle, fails.
            Path parentPath = parent.isEmpty() ? root : root.resolve(String.join("/", parent));
            try {
                Files.createSymbolicLink(parentPath.resolve(temp), Path.of(target));
            } catch (FileAlreadyExistsException e) {
                dir.deleteFile(temp); // left by an interrupted run (the name is fixed per target)
                Files.createSymbolicLink(parentPath.resolve(temp), Path.of(target));
            }
            checkpoint.reached("rename temp link over " + path);
            try {
                dir.move(temp, dir, name);
            } catch (NoSuchFileException e) {
                throw new UnsafePathException(String.join("/", parent), true);
            }
            checkpoint.reached("fsync directory of " + path);
            renamedIn(dir, parts);
        }
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
            renamedIn(dir, parts);
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

    // ------------------------------------------------------------------ walking

    /**
     * The directory at {@code parts} below the root, opened component by component without following links.
     *
     * @param create make missing directories (mode 0755); otherwise return null when one is missing
     * @throws UnsafePathException when a component is a symbolic link or not a directory
     */
    private SecureDirectoryStream<Path> openDirectory(List<String> parts, boolean create) throws IOException {
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
                PosixFileAttributes attributes = lstat(dir, name);
                if (attributes == null) {
                    if (!create) {
                        dir.close();
                        return null;
                    }
                    makeDirectory(dir, walked.toString(), name);
                } else if (attributes.isSymbolicLink()) {
                    throw new UnsafePathException(walked.toString(), true);
                } else if (!attributes.isDirectory()) {
                    throw new UnsafePathException(walked.toString(), false);
                }
                SecureDirectoryStream<Path> next;
                try {
                    next = dir.newDirectoryStream(name, NOFOLLOW_LINKS);
                } catch (FileSystemException e) {
                    throw new UnsafePathException(walked.toString(), true); // swapped since the check above
                }
                dir.close();
                dir = next;
            }
            return dir;
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** The walk of the session each thread runs, if any: see {@link #session}. */
    private final ThreadLocal<Walk> walks = new ThreadLocal<>();

    @Override
    public <T> T session(Supplier<T> work) {
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

    /**
     * The directories a session walked last, kept open: the root, then one handle per component of the last
     * directory asked for. The next directory reuses the handles of the components it shares with it (paths come
     * in order, so most share all but the last few) and opens the rest as {@link #openDirectory} does, checking
     * each component. A handle keeps pointing at the directory that was checked when it was opened, so a link
     * swapped in later is never followed. The handles it hands out do not close on {@code close()}; the session
     * closes them when it ends.
     */
    private final class Walk {
        /** Directories with renames or removals not yet synced, in path order. */
        final java.util.TreeSet<String> unsynced = new java.util.TreeSet<>();
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
                PosixFileAttributes attributes = lstat(dir, name);
                if (attributes == null) {
                    if (!create) {
                        missing = List.copyOf(parts.subList(0, i + 1));
                        return null;
                    }
                    makeDirectory(dir, walked, name);
                } else if (attributes.isSymbolicLink()) {
                    throw new UnsafePathException(walked, true);
                } else if (!attributes.isDirectory()) {
                    throw new UnsafePathException(walked, false);
                }
                try {
                    dir = dir.newDirectoryStream(name, NOFOLLOW_LINKS);
                } catch (FileSystemException e) {
                    throw new UnsafePathException(walked, true); // swapped since the check above
                }
                names.add(parts.get(i));
                dirs.add(dir);
            }
            return new KeptOpen(dir);
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

    /** A directory handle the session keeps: closing it is left to the session. */
    private static final class KeptOpen implements SecureDirectoryStream<Path> {
        private final SecureDirectoryStream<Path> dir;

        KeptOpen(SecureDirectoryStream<Path> dir) {
            this.dir = dir;
        }

        private static SecureDirectoryStream<Path> unwrap(SecureDirectoryStream<Path> other) {
            return other instanceof KeptOpen kept ? kept.dir : other;
        }

        @Override
        public SecureDirectoryStream<Path> newDirectoryStream(Path path, LinkOption... options) throws IOException {
            return dir.newDirectoryStream(path, options);
        }

        @Override
        public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
                throws IOException {
            return dir.newByteChannel(path, options, attrs);
        }

        @Override
        public void deleteFile(Path path) throws IOException {
            dir.deleteFile(path);
        }

        @Override
        public void deleteDirectory(Path path) throws IOException {
            dir.deleteDirectory(path);
        }

        @Override
        public void move(Path source, SecureDirectoryStream<Path> target, Path targetPath) throws IOException {
            dir.move(source, unwrap(target), targetPath);
        }

        @Override
        public <V extends FileAttributeView> V getFileAttributeView(Class<V> type) {
            return dir.getFileAttributeView(type);
        }

        @Override
        public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
            return dir.getFileAttributeView(path, type, options);
        }

        @Override
        public Iterator<Path> iterator() {
            throw new IllegalStateException("a directory kept open by the session is not listed; list opens its own");
        }

        @Override
        public void close() {
            // the session closes it
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

    private static PosixFileAttributes lstat(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        try {
            return dir.getFileAttributeView(name, PosixFileAttributeView.class, NOFOLLOW_LINKS).readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** A fixed name per target, so an interrupted run's leftover is found and removed by the next. */
    static Path tempName(Path name) {
        byte[] hash = sha256().digest(name.toString().getBytes(StandardCharsets.UTF_8));
        // a dot name with a non-unit suffix: systemd ignores it in unit and .wants directories
        return Path.of(".berth-" + HexFormat.of().formatHex(hash, 0, 8) + ".tmp");
    }

    private void force(SeekableByteChannel channel) throws IOException {
        if (sync && channel instanceof FileChannel file) {
            file.force(true);
        }
    }

    /** A file was renamed into or removed from the directory of {@code parts}: see {@link #changed}. */
    private void renamedIn(SecureDirectoryStream<Path> dir, List<String> parts) throws IOException {
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
        if (walk != null && sync) {
            walk.unsynced.add(directory);
        } else {
            fsync(dir);
        }
    }

    @Override
    public void sync() throws IOException {
        Walk walk = walks.get();
        if (walk == null) {
            return;
        }
        // each directory is opened here, walking checked handles, and synced on several threads: a sync waits for
        // the disk, and a disk takes many at once about as fast as one (ten thousand containers: 60,000 directories)
        while (!walk.unsynced.isEmpty()) {
            List<String> batch = new ArrayList<>();
            for (String directory : walk.unsynced) {
                if (batch.size() == SYNC_BATCH) {
                    break;
                }
                batch.add(directory);
            }
            List<FileChannel> opened = new ArrayList<>();
            try {
                for (String directory : batch) {
                    List<String> parts = directory.isEmpty() ? List.of() : RootPaths.parts(directory);
                    try (SecureDirectoryStream<Path> dir = openDirectory(parts, false)) {
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
            walk.unsynced.removeAll(batch);
        }
    }

    /** Directories opened for one round of syncs: enough to keep a disk busy, few enough for any descriptor limit. */
    private static final int SYNC_BATCH = 256;
    /** Syncs waiting for the disk at once. */
    private static final int SYNC_THREADS = 8;

    /** Forces every channel to disk, several at a time; the failure of each, or null. */
    private static IOException[] forceAll(List<? extends SeekableByteChannel> channels) {
        IOException[] failures = new IOException[channels.size()];
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

    /** Makes the directory's entries (made, renamed, removed) durable now. */
    private void fsync(SecureDirectoryStream<Path> dir) throws IOException {
        if (!sync) {
            return;
        }
        try (SeekableByteChannel self = dir.newByteChannel(Path.of("."), Set.of(READ))) {
            force(self);
        }
    }

    private static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= switch (p) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return mode;
    }

    private static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
