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
        Path stale = root.resolve(LocalRootFileSystem.tempName(Path.of("x.conf")).toString());
        Files.writeString(stale, "half");

        new LocalRootFileSystem(root).writeFile("x.conf", utf8("whole\n"), 0644);

        assertEquals("whole\n", Files.readString(root.resolve("x.conf")));
        assertFalse(Files.exists(stale));
    }
}
