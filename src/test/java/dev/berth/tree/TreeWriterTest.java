package dev.berth.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth compile -o}: the tree on disk, into a fresh directory or over an earlier compile. */
class TreeWriterTest {
    @TempDir
    Path dir;

    private static FileTree tree(int containers) {
        FileTree.Builder tree = FileTree.builder();
        for (int i = 0; i < containers; i++) {
            String guest = "srv/c" + i + "/etc/systemd/system/";
            tree.put("etc/systemd/system/c" + i + ".service", new FileNode.RegularFile("[Service]\nX=" + i + "\n", 0644, "/c" + i));
            tree.put("etc/systemd/system/sockets.target.wants/c" + i + ".socket", new FileNode.Symlink("../c" + i + ".socket", "/c" + i));
            tree.put(guest + "a.service.d/x.conf", new FileNode.RegularFile("[Service]\n", 0600, "/c" + i));
            tree.put(guest + "sockets.target.wants/a.socket", new FileNode.Symlink("../a.socket", "/c" + i));
        }
        return tree.build();
    }

    private static void assertWritten(FileTree tree, Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            assertEquals(tree.entries().keySet().stream().sorted().toList(),
                    walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).map(p -> out.relativize(p).toString()).sorted().toList());
        }
        for (var e : tree.entries().entrySet()) {
            Path path = out.resolve(e.getKey());
            if (e.getValue() instanceof FileNode.RegularFile f) {
                assertEquals(f.content(), Files.readString(path), e.getKey());
                assertEquals(f.mode() == 0600 ? "rw-------" : "rw-r--r--",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)), e.getKey());
            } else {
                assertEquals(((FileNode.Symlink) e.getValue()).target(), Files.readSymbolicLink(path).toString(), e.getKey());
            }
        }
    }

    @Test
    void writesAFreshTreeBelowMissingDirectories() throws IOException {
        FileTree tree = tree(20);
        Path out = dir.resolve("a/b/out");
        TreeWriter.write(tree, out);
        assertWritten(tree, out);
    }

    /** Threads writing into one export share the directories they make, and each entry is written whole. */
    @Test
    void severalThreadsWriteIntoOneExport() throws IOException {
        FileTree tree = tree(400);
        Path out = dir.resolve("out");
        TreeWriter.Export export = TreeWriter.open(out);
        List<Map.Entry<String, FileNode>> entries = List.copyOf(tree.entries().entrySet());
        IntStream.range(0, entries.size()).parallel().forEach(i -> {
            try {
                export.write(entries.get(i).getKey(), entries.get(i).getValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertWritten(tree, out);
    }

    @Test
    void writesOverAnEarlierTreeReplacingFilesAndLinksAndLeavingOthers() throws IOException {
        Path out = dir.resolve("out");
        TreeWriter.write(tree(3), out);
        Files.writeString(out.resolve("etc/systemd/system/c0.service"), "edited by hand, and longer than before\n");
        Files.delete(out.resolve("etc/systemd/system/c1.service"));
        Files.createSymbolicLink(out.resolve("etc/systemd/system/c1.service"), dir.resolve("elsewhere"));
        Files.delete(out.resolve("etc/systemd/system/sockets.target.wants/c2.socket"));
        Files.writeString(out.resolve("etc/systemd/system/sockets.target.wants/c2.socket"), "not a link");
        Files.writeString(out.resolve("etc/systemd/system/mine.conf"), "kept");
        TreeWriter.write(tree(3), out);
        Files.delete(out.resolve("etc/systemd/system/mine.conf"));
        assertWritten(tree(3), out);
        assertTrue(Files.notExists(dir.resolve("elsewhere")), "a link in the way is replaced, never written through");
    }

    @Test
    void aFileWhereADirectoryBelongsFailsTheWrite() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out/srv"));
        Files.writeString(out.resolve("c1"), "a file");
        assertThrows(IOException.class, () -> TreeWriter.write(tree(2), dir.resolve("out")));
    }
}
