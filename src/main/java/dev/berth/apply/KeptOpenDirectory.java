package dev.berth.apply;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.util.Iterator;
import java.util.Set;

/** A directory handle a session keeps ({@link DirectoryHandles#session}): closing it is left to the session. */
final class KeptOpenDirectory implements SecureDirectoryStream<Path> {
    private final SecureDirectoryStream<Path> dir;

    KeptOpenDirectory(SecureDirectoryStream<Path> dir) {
        this.dir = dir;
    }

    private static SecureDirectoryStream<Path> unwrap(SecureDirectoryStream<Path> other) {
        return other instanceof KeptOpenDirectory kept ? kept.dir : other;
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
