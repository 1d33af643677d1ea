package dev.berth.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.plan.FileState;
import dev.berth.plan.Observation;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRootFileSystemTest {
    @TempDir
    Path dir;

    private Path root() throws IOException {
        return Files.createDirectories(dir.resolve("root"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesFilesWithExactModeAndDirectories0755() throws IOException {
        Path root = root();
        LocalRootFileSystem fs = new LocalRootFileSystem(root);

        fs.writeFile("a/b/c.conf", utf8("one\n"), 0640);

        assertEquals("one\n", Files.readString(root.resolve("a/b/c.conf")));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("a/b/c.conf"))));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("a/b"))));
        try (Stream<Path> left = Files.list(root.resolve("a/b"))) {
            assertEquals(1, left.count(), "no temp file left behind");
        }
    }

    @Test
    void replacesAFileAndASymlinkInPlace() throws IOException {
        Path root = root();
        LocalRootFileSystem fs = new LocalRootFileSystem(root);
        Path outside = Files.writeString(dir.resolve("outside"), "keep\n");
        Files.createSymbolicLink(root.resolve("link"), outside);

        fs.writeFile("link", utf8("mine\n"), 0644);
        fs.writeSymlink("file", "../x");
        fs.writeSymlink("file", "../y");

        assertEquals("keep\n", Files.readString(outside), "the link is replaced, its target never written");
        assertFalse(Files.isSymbolicLink(root.resolve("link")));
        assertEquals("../y", Files.readSymbolicLink(root.resolve("file")).toString());
    }

    @Test
    void refusesToWriteThroughASymlinkedDirectory() throws IOException {
        Path root = root();
        Path outside = Files.createDirectories(dir.resolve("host-etc"));
        Files.createDirectories(root.resolve("srv/guest/etc"));
        Files.createSymbolicLink(root.resolve("srv/guest/etc/systemd"), outside);
        LocalRootFileSystem fs = new LocalRootFileSystem(root);

        UnsafePathException e = assertThrows(UnsafePathException.class,
                () -> fs.writeFile("srv/guest/etc/systemd/system/x.service", utf8("x"), 0644));
        assertThrows(UnsafePathException.class, () -> fs.writeSymlink("srv/guest/etc/systemd/y", "z"));

        assertEquals("srv/guest/etc/systemd", e.component());
        try (Stream<Path> written = Files.list(outside)) {
            assertEquals(0, written.count());
        }
        assertEquals(new Observation.Blocked("srv/guest/etc/systemd", true), fs.look("srv/guest/etc/systemd/system/x.service"));
    }

    @Test
    void deletesALinkNotItsTarget() throws IOException {
        Path root = root();
        Path outside = Files.writeString(dir.resolve("outside"), "keep\n");
        Files.createSymbolicLink(root.resolve("link"), outside);

        new LocalRootFileSystem(root).delete("link");
        new LocalRootFileSystem(root).delete("never/there");

        assertFalse(Files.exists(root.resolve("link"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("keep\n", Files.readString(outside));
    }

    @Test
    void removesAnEmptyDirectoryNeverALinkToOneNorOneWithEntries() throws IOException {
        Path root = root();
        Files.createDirectories(root.resolve("a/empty"));
        Files.writeString(Files.createDirectories(root.resolve("a/full")).resolve("f"), "f\n");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(root.resolve("a/link"), outside);
        Files.writeString(root.resolve("a/file"), "file\n");
        LocalRootFileSystem fs = new LocalRootFileSystem(root);

        fs.deleteDirectory("a/empty");
        fs.deleteDirectory("a/empty");
        fs.deleteDirectory("never/there");

        assertFalse(Files.exists(root.resolve("a/empty")));
        assertThrows(java.nio.file.DirectoryNotEmptyException.class, () -> fs.deleteDirectory("a/full"));
        UnsafePathException link = assertThrows(UnsafePathException.class, () -> fs.deleteDirectory("a/link"));
        assertEquals("a/link", link.component());
        assertThrows(UnsafePathException.class, () -> fs.deleteDirectory("a/link/below"));
        IOException file = assertThrows(IOException.class, () -> fs.deleteDirectory("a/file"));
        assertEquals("a/file is not a directory", file.getMessage());
        assertTrue(Files.isSymbolicLink(root.resolve("a/link")));
        assertTrue(Files.isDirectory(outside));
        assertEquals("f\n", Files.readString(root.resolve("a/full/f")));
    }

    /** A session that walked into a directory it then removes does not write into the removed one afterwards. */
    @Test
    void aSessionWalksAgainWhereItRemovedADirectory() throws IOException {
        Path root = root();
        LocalRootFileSystem fs = new LocalRootFileSystem(root);
        long before = openDescriptors();
        fs.session(() -> {
            try {
                fs.writeFile("g/3/x", utf8("x\n"), 0600);
                fs.delete("g/3/x");
                fs.deleteDirectory("g/3");
                assertInstanceOf(Observation.Absent.class, fs.look("g/3/x"));
                fs.writeFile("g/3/y", utf8("y\n"), 0600);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        assertEquals("y\n", Files.readString(root.resolve("g/3/y")));
        assertFalse(Files.exists(root.resolve("g/3/x")));
        assertEquals(before, openDescriptors(), "the session closed every directory it kept open");
    }

    @Test
    void looksWithoutFollowing() throws IOException {
        Path root = root();
        Files.createDirectories(root.resolve("d"));
        Files.createSymbolicLink(root.resolve("l"), Path.of("../elsewhere"));
        Files.writeString(root.resolve("f"), "text\n");
        LocalRootFileSystem fs = new LocalRootFileSystem(root);

        assertInstanceOf(Observation.Directory.class, fs.look("d"));
        assertEquals(new Observation.Present(new FileState.Link("../elsewhere")), fs.look("l"));
        assertEquals(new Observation.Present(FileState.Regular.of("text\n", 0644)), fs.look("f"));
        assertInstanceOf(Observation.Absent.class, fs.look("d/none/deeper"));
        assertEquals(new Observation.Blocked("f", false), fs.look("f/below"));
        assertThrows(UnsafePathException.class, () -> fs.readText("l", 100));
    }

    @Test
    void aSecondLockIsRefusedUntilTheFirstIsReleased() throws IOException {
        LocalRootFileSystem fs = new LocalRootFileSystem(root());

        RootLock first = fs.lock();
        LockHeldException e = assertThrows(LockHeldException.class, fs::lock);
        assertEquals(Long.toString(ProcessHandle.current().pid()), e.holder());
        first.close();
        fs.lock().close();
    }

    @Test
    void aLockHeldByAnyChannelIsRespected() throws IOException {
        Path root = root();
        LocalRootFileSystem fs = new LocalRootFileSystem(root);
        fs.lock().close();
        try (FileChannel other = FileChannel.open(root.resolve(RootFileSystem.LOCK_PATH), StandardOpenOption.WRITE);
             var held = other.lock()) {
            assertTrue(held.isValid());
            assertThrows(LockHeldException.class, fs::lock);
        }
    }

    @Test
    void aTempFileLeftByAnInterruptedRunIsReplaced() throws IOException {
        Path root = root();
        Path stale = root.resolve(StagedWrites.tempName(Path.of("x.conf")).toString());
        Files.writeString(stale, "half");

        new LocalRootFileSystem(root).writeFile("x.conf", utf8("whole\n"), 0644);

        assertEquals("whole\n", Files.readString(root.resolve("x.conf")));
        assertFalse(Files.exists(stale));
    }

    /** A session keeps directories open between paths; what it sees and writes is what single calls see and write. */
    @Test
    void aSessionSeesWhatSingleCallsSeeAndClosesWhatItOpened() throws IOException {
        Path root = root();
        Files.createDirectories(root.resolve("srv/guest/etc"));
        Files.createSymbolicLink(root.resolve("srv/guest/etc/systemd"), Files.createDirectories(dir.resolve("host-etc")));
        Files.writeString(Files.createDirectories(root.resolve("etc/systemd/system")).resolve("a.service"), "a\n");
        Files.createDirectories(root.resolve("usr/lib/systemd"));
        Files.writeString(root.resolve("usr/lib/systemd/libsystemd-shared-252.so"), "");
        LocalRootFileSystem fs = new LocalRootFileSystem(root);
        java.util.List<String> paths = java.util.List.of("etc/systemd/system/a.service", "etc/systemd/system/b.service",
                "etc/systemd/system/x.d/y.conf", "srv/guest/etc/systemd/system/x.service", "srv/guest/etc/z", "usr/lib",
                "zz/top");
        java.util.List<Object> single = new java.util.ArrayList<>();
        for (String path : paths) {
            single.add(fs.look(path));
        }
        single.add(fs.list("usr/lib/systemd"));
        long before = openDescriptors();
        java.util.List<Object> inSession = fs.session(() -> {
            java.util.List<Object> seen = new java.util.ArrayList<>();
            try {
                for (String path : paths) {
                    seen.add(fs.look(path));
                }
                seen.add(fs.list("usr/lib/systemd"));
                fs.writeFile("etc/systemd/system/c.service", utf8("c\n"), 0644);
                fs.writeSymlink("etc/systemd/system/sockets.target.wants/c.socket", "../c.socket");
                assertThrows(UnsafePathException.class, () -> fs.writeFile("srv/guest/etc/systemd/system/w", utf8("w"), 0644));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return seen;
        });
        assertEquals(single, inSession);
        assertEquals("c\n", Files.readString(root.resolve("etc/systemd/system/c.service")));
        assertEquals("../c.socket", Files.readSymbolicLink(root.resolve("etc/systemd/system/sockets.target.wants/c.socket")).toString());
        try (Stream<Path> written = Files.list(dir.resolve("host-etc"))) {
            assertEquals(0, written.count());
        }
        assertEquals(before, openDescriptors(), "the session closed every directory it kept open");
    }

    /** A directory swapped for a link after the session opened it: the session keeps writing where it checked. */
    @Test
    void aLinkSwappedInDuringASessionIsNotFollowed() throws IOException {
        Path root = root();
        Path outside = Files.createDirectories(dir.resolve("host-etc"));
        LocalRootFileSystem fs = new LocalRootFileSystem(root);
        fs.session(() -> {
            try {
                fs.writeFile("srv/guest/etc/systemd/system/a.service", utf8("a"), 0644);
                Files.move(root.resolve("srv/guest/etc/systemd"), root.resolve("srv/guest/moved"));
                Files.createSymbolicLink(root.resolve("srv/guest/etc/systemd"), outside);
                fs.writeFile("srv/guest/etc/systemd/system/b.service", utf8("b"), 0644);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        try (Stream<Path> written = Files.list(outside)) {
            assertEquals(0, written.count(), "nothing written through the link");
        }
        assertEquals("b", Files.readString(root.resolve("srv/guest/moved/system/b.service")));
        assertEquals(new Observation.Blocked("srv/guest/etc/systemd", true), fs.look("srv/guest/etc/systemd/system/b.service"));
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** A look told what to expect compares instead of hashing, and sees exactly what a plain look sees. */
    @Test
    void aLookThatExpectsAFileSeesWhatAPlainLookSees() throws IOException {
        Path root = root();
        Files.writeString(root.resolve("same"), "[Unit]\nA=b\n");
        Files.writeString(root.resolve("other"), "[Unit]\nA=c\n");
        Files.writeString(root.resolve("longer"), "[Unit]\nA=b\nC=d\n");
        Files.writeString(root.resolve("mode"), "[Unit]\nA=b\n");
        Files.setPosixFilePermissions(root.resolve("mode"), PosixFilePermissions.fromString("rw-------"));
        Files.write(root.resolve("binary"), new byte[] {(byte) 0xff, 0, 1});
        Files.createSymbolicLink(root.resolve("link"), Path.of("same"));
        LocalRootFileSystem fs = new LocalRootFileSystem(root);
        FileState.Regular expected = FileState.Regular.of("[Unit]\nA=b\n", 0644);
        for (String path : java.util.List.of("same", "other", "longer", "mode", "binary", "link", "missing")) {
            assertEquals(fs.look(path), fs.look(path, expected), path);
        }
    }

    /** Staged files are durable temp files beside their paths until installed; a discarded one leaves nothing. */
    @Test
    void stagedFilesReplaceTheirPathsOnlyWhenInstalled() throws IOException {
        Path root = root();
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/a.conf"), "old\n");
        LocalRootFileSystem fs = new LocalRootFileSystem(root);
        // what a run interrupted between writing and renaming leaves: removed when the path is staged again
        Files.writeString(root.resolve("etc").resolve(StagedWrites.tempName(Path.of("a.conf"))), "half");

        java.util.List<RootFileSystem.Staging> staged = fs.stage(java.util.List.of(
                new RootFileSystem.FileWrite("etc/a.conf", utf8("new\n"), 0600),
                new RootFileSystem.FileWrite("new/dir/b.conf", utf8("b\n"), 0644),
                new RootFileSystem.FileWrite("etc/c.conf", utf8("c\n"), 0644)));

        assertEquals(3, staged.size());
        assertTrue(staged.stream().allMatch(s -> s.failure() == null));
        assertEquals("old\n", Files.readString(root.resolve("etc/a.conf")), "nothing replaced before install");
        fs.install(staged.get(0).staged());
        fs.install(staged.get(1).staged());
        fs.discard(staged.get(2).staged());
        assertEquals("new\n", Files.readString(root.resolve("etc/a.conf")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/a.conf"))));
        assertEquals("b\n", Files.readString(root.resolve("new/dir/b.conf")));
        try (Stream<Path> left = Files.list(root.resolve("etc"))) {
            assertEquals(java.util.List.of("a.conf"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** Staging stops at the first file it cannot write: the ones before it can be installed, none after it is left. */
    @Test
    void stagingStopsAtTheFirstFailure() throws IOException {
        Path root = root();
        Files.createDirectories(root.resolve("srv/guest"));
        Files.createSymbolicLink(root.resolve("srv/guest/etc"), Files.createDirectories(dir.resolve("host-etc")));
        LocalRootFileSystem fs = new LocalRootFileSystem(root);

        java.util.List<RootFileSystem.Staging> staged = fs.stage(java.util.List.of(
                new RootFileSystem.FileWrite("etc/a.conf", utf8("a\n"), 0644),
                new RootFileSystem.FileWrite("srv/guest/etc/b.conf", utf8("b\n"), 0644),
                new RootFileSystem.FileWrite("srv/other/c.conf", utf8("c\n"), 0644)));

        assertEquals(2, staged.size());
        assertInstanceOf(UnsafePathException.class, staged.get(1).failure());
        fs.install(staged.get(0).staged());
        assertEquals("a\n", Files.readString(root.resolve("etc/a.conf")));
        assertFalse(Files.exists(root.resolve("srv/other")), "nothing staged after the failure");
        try (Stream<Path> written = Files.list(dir.resolve("host-etc"))) {
            assertEquals(0, written.count(), "nothing written through the link");
        }
    }
}
