package dev.berth.tree;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a tree below an output directory (for {@code berth compile -o}). Installing into a live
 * root is apply's job, with manifests and atomic replacement; this is a plain export.
 *
 * <p>A large tree is many small files, so each costs as few system calls as it can: a directory is made once,
 * a new file is created with its mode (set again only when the umask changed it), and a file or link already
 * there is found by the failing create instead of a look beforehand. An {@link Export} takes entries from
 * several threads at once: {@code compile -o} writes each container's entries on the thread that rendered them.
 */
public final class TreeWriter {
    private TreeWriter() {
    }

    /** Writes a tree already built, entry by entry. */
    public static void write(FileTree tree, Path outDir) throws IOException {
        Export export = open(outDir);
        for (Map.Entry<String, FileNode> e : tree.entries().entrySet()) {
            export.write(e.getKey(), e.getValue());
        }
    }

    /**
     * An output directory made ready for entries: for a tree written while it is made, entry by entry, from
     * several threads at once. A path is written once; its parent directories are made as needed.
     */
    public static Export open(Path outDir) throws IOException {
        return new Export(outDir);
    }

    /** See {@link #open}. */
    public static final class Export {
        private final Path outDir;
        private final Set<Path> directories = ConcurrentHashMap.newKeySet();
        /** Per mode: whether a file created with it has it exactly (the umask took no bit away). */
        private final Map<Integer, Boolean> exactOnCreate = new ConcurrentHashMap<>();

        private Export(Path outDir) throws IOException {
            this.outDir = outDir;
            Files.createDirectories(outDir);
            directories.add(outDir);
        }

        public void write(String path, FileNode node) throws IOException {
            Path target = outDir.resolve(path);
            directory(target.getParent());
            if (node instanceof FileNode.RegularFile f) {
                file(target, f.bytes(), f.mode());
            } else if (node instanceof FileNode.Symlink s) {
                symlink(target, Path.of(s.target()));
            }
        }

        /**
         * Makes the directory and its missing parents, top down, each once. Unlike {@link Files#createDirectories},
         * which finds the missing ones by failing (an exception with its stack trace per level and path), a fresh
         * tree costs one mkdir per directory and nothing else.
         */
        private void directory(Path dir) throws IOException {
            if (dir == null || directories.contains(dir)) {
                return;
            }
            directory(dir.getParent()); // ends at the output directory, made first
            try {
                Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                }
            }
            directories.add(dir);
        }

        private void file(Path target, byte[] content, int mode) throws IOException {
            Set<PosixFilePermission> permissions = permissions(mode);
            boolean created = true;
            SeekableByteChannel opened;
            try {
                opened = Files.newByteChannel(target, EnumSet.of(CREATE_NEW, WRITE), PosixFilePermissions.asFileAttribute(permissions));
            } catch (FileAlreadyExistsException e) {
                if (Files.isSymbolicLink(target)) {
                    Files.delete(target); // the link goes, never what it points at
                    file(target, content, mode);
                    return;
                }
                opened = Files.newByteChannel(target, WRITE, TRUNCATE_EXISTING, NOFOLLOW_LINKS);
                created = false;
            }
            try (SeekableByteChannel channel = opened) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            Boolean exact = created ? exactOnCreate.get(mode) : Boolean.FALSE;
            if (exact == null) {
                exact = Files.getPosixFilePermissions(target, NOFOLLOW_LINKS).equals(permissions);
                exactOnCreate.put(mode, exact);
            }
            if (!exact) {
                Files.setPosixFilePermissions(target, permissions);
            }
        }

        private static void symlink(Path target, Path linkTarget) throws IOException {
            try {
                Files.createSymbolicLink(target, linkTarget);
            } catch (FileAlreadyExistsException e) {
                Files.delete(target);
                Files.createSymbolicLink(target, linkTarget);
            }
        }
    }

    public static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }
}
