package dev.berth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.plan.Manifest;
import dev.berth.tree.FileNode;
import dev.berth.tree.FileTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/** Assertions about what a root holds on disk. */
public final class Trees {
    private Trees() {
    }

    /** Every regular file and link below the root, relative, sorted. */
    public static List<String> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> root.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The root holds exactly the tree (besides berth's manifest, lock and generations), with contents, modes and link
     * targets.
     */
    public static void assertInstalled(Path root, FileTree tree) {
        List<String> expected = Stream.concat(tree.entries().keySet().stream(), Stream.of(Manifest.PATH)).sorted().toList();
        assertEquals(expected, files(root).stream().filter(p -> !p.equals("var/lib/berth/lock") && !generations(p)).toList());
        assertEntries(root, tree);
    }

    /** Whether the path is the record of the root's generations or a content one of them keeps. */
    public static boolean generations(String path) {
        return path.equals(dev.berth.apply.Generations.RECORD) || path.startsWith(dev.berth.apply.Generations.DIR + "/");
    }

    /**
     * The generations' directory holds exactly what the record lists: a directory for each recorded generation that
     * keeps a content, holding exactly those contents, and nothing else (a generation that replaced nothing has none).
     */
    public static void assertGenerationsAsRecorded(Path root, String message) {
        Path dir = root.resolve(dev.berth.apply.Generations.DIR);
        List<String> expectedDirectories = new java.util.ArrayList<>();
        List<String> expectedFiles = new java.util.ArrayList<>();
        try {
            for (dev.berth.apply.Generations.Generation g : dev.berth.apply.Generations.list(new dev.berth.apply.LocalRootFileSystem(root))) {
                if (!g.kept().isEmpty()) {
                    expectedDirectories.add(Integer.toString(g.number()));
                }
                g.kept().forEach(sha -> expectedFiles.add(dev.berth.apply.Generations.kept(g.number(), sha)));
            }
            List<String> directories = List.of();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    directories = list.map(p -> p.getFileName().toString()).toList();
                }
            }
            assertEquals(expectedDirectories.stream().sorted().toList(), directories.stream().sorted().toList(),
                    message + ": the directories of " + dir);
            assertEquals(expectedFiles.stream().sorted().toList(), files(root).stream()
                    .filter(p -> p.startsWith(dev.berth.apply.Generations.DIR + "/")).toList(), message + ": the kept contents");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory holds exactly the tree, nothing besides, with contents, modes and link targets. */
    public static void assertWritten(Path root, FileTree tree) {
        assertEquals(List.copyOf(tree.entries().keySet()), files(root));
        assertEntries(root, tree);
    }

    private static void assertEntries(Path root, FileTree tree) {
        tree.entries().forEach((path, node) -> {
            Path file = root.resolve(path);
            try {
                if (node instanceof FileNode.RegularFile f) {
                    assertEquals(f.content(), Files.readString(file), path);
                    assertEquals(PosixFilePermissions.toString(dev.berth.tree.TreeWriter.permissions(f.mode())),
                            PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), path);
                } else if (node instanceof FileNode.Symlink s) {
                    assertTrue(Files.isSymbolicLink(file), path);
                    assertEquals(s.target(), Files.readSymbolicLink(file).toString(), path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The root's manifest lists exactly the tree's paths with what each holds, and a stamp for every one of them that
     * is the path's stamp on disk now (so a plan of the same config can trust it).
     */
    public static void assertManifest(Path root, FileTree tree, String message) {
        Manifest manifest = manifest(root);
        assertEquals(Manifest.of(tree).files(), manifest.files(), message);
        dev.berth.apply.LocalRootFileSystem disk = new dev.berth.apply.LocalRootFileSystem(root);
        for (String path : manifest.files().keySet()) {
            try {
                assertEquals(disk.stamp(path), manifest.stamp(path), message + ": the stamp of " + path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static Manifest manifest(Path root) {
        try {
            return Manifest.parse(Files.readString(root.resolve(Manifest.PATH)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Manifest.Invalid e) {
            throw new AssertionError("manifest unreadable: " + e.getMessage(), e);
        }
    }

    /** Removes a directory tree without following links out of it. */
    public static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
