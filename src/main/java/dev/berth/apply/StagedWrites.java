package dev.berth.apply;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.berth.apply.RootFileSystem.FileWrite;
import dev.berth.apply.RootFileSystem.Staged;
import dev.berth.apply.RootFileSystem.Staging;
import dev.berth.plan.RootPaths;
import dev.berth.tree.TreeWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Files and links replaced atomically: written to a temp entry in the same directory (a fixed dot name per target,
 * {@link #tempName}), given their mode, fsynced (many files at once: {@link #stage}), and renamed over the target
 * through the directory's checked handle. A reader sees the old or the new entry, never a part.
 */
final class StagedWrites {
    private final DirectoryHandles directories;
    private final DirectorySyncs syncs;
    private final Checkpoint checkpoint;

    StagedWrites(DirectoryHandles directories, DirectorySyncs syncs, Checkpoint checkpoint) {
        this.directories = directories;
        this.syncs = syncs;
        this.checkpoint = checkpoint;
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

    /** Whether {@link #install} and {@link #discard} know this staged write: one of {@link #stage}'s. */
    static boolean ours(Staged staged) {
        return staged instanceof TempFile;
    }

    /**
     * Writes each file to its temp file (created exclusively, through the directory's checked handle) and gives it
     * its mode, then syncs them all, several at a time: a file's bytes and mode are durable before it can replace
     * anything.
     */
    List<Staging> stage(List<FileWrite> writes) {
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
            IOException[] failures = syncs.forceAll(channels);
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
        IOException[] failures = syncs.forceAll(before);
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
        try (SecureDirectoryStream<Path> dir = directories.open(file.parent(), true)) {
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

    /** Renames a staged temp file over its target. */
    void install(Staged staged) throws IOException {
        TempFile file = (TempFile) staged;
        try (SecureDirectoryStream<Path> dir = directories.open(file.parent(), false)) {
            if (dir == null) {
                throw new NoSuchFileException(file.path(), null, "its directory went away after the file was written");
            }
            checkpoint.reached("rename temp file over " + file.path());
            dir.move(file.temp(), dir, file.name());
            checkpoint.reached("fsync directory of " + file.path());
            directories.renamedIn(dir, file.parts());
        }
    }

    /** Removes a staged temp file that will not be installed. */
    void discard(Staged staged) {
        TempFile file = (TempFile) staged;
        try (SecureDirectoryStream<Path> dir = directories.open(file.parent(), false)) {
            if (dir != null) {
                dir.deleteFile(file.temp());
            }
        } catch (IOException e) {
            // left where it is: the next apply that writes this path removes it first
        }
    }

    /** Makes or replaces a symbolic link, through a temp link renamed over it. */
    void writeSymlink(String path, String target) throws IOException {
        List<String> parts = RootPaths.parts(path);
        List<String> parent = parts.subList(0, parts.size() - 1);
        try (SecureDirectoryStream<Path> dir = directories.open(parent, true)) {
            Path name = Path.of(parts.get(parts.size() - 1));
            Path temp = tempName(name);
            checkpoint.reached("create temp link for " + path);
            // Java creates links only by path. If a race swapped a parent for a link, the temp link lands
            // elsewhere (a dot name systemd ignores) and the rename below, relative to the checked handle, fails.
            Path parentPath = directories.pathOf(parent);
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
            directories.renamedIn(dir, parts);
        }
    }

    /** A fixed name per target, so an interrupted run's leftover is found and removed by the next. */
    static Path tempName(Path name) {
        byte[] hash = FileContents.sha256().digest(name.toString().getBytes(StandardCharsets.UTF_8));
        // a dot name with a non-unit suffix: systemd ignores it in unit and .wants directories
        return Path.of(".berth-" + HexFormat.of().formatHex(hash, 0, 8) + ".tmp");
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // written and synced already, or about to be discarded
        }
    }
}
