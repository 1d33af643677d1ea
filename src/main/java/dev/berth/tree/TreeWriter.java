package dev.berth.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes a tree below an output directory (for {@code berth compile -o}). Installing into a live
 * root is apply's job, with manifests and atomic replacement; this is a plain export.
 */
public final class TreeWriter {
    private TreeWriter() {
    }

    public static void write(FileTree tree, Path outDir) throws IOException {
        for (var e : tree.entries().entrySet()) {
            Path target = outDir.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            if (e.getValue() instanceof FileNode.RegularFile f) {
                if (Files.isSymbolicLink(target)) {
                    Files.delete(target);
                }
                Files.write(target, f.bytes());
                Files.setPosixFilePermissions(target, permissions(f.mode()));
            } else if (e.getValue() instanceof FileNode.Symlink s) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(target);
                }
                Files.createSymbolicLink(target, Path.of(s.target()));
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
