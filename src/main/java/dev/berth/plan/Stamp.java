package dev.berth.plan;

import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What a file's metadata says about it without reading it: size, modification time and identity (device and
 * inode). An editor's save, a copy over it, a replacement by rename, a truncation: each changes at least one
 * of them. The manifest keeps each installed file's stamp, so that a plan of the config last applied can
 * check a root by metadata alone (as rsync's quick check and git's index do) instead of reading every file.
 * With them go the kind (file or link) and a file's mode, which a chmod changes and nothing else shows.
 *
 * <p>A file changed within the same clock tick as its stamp was taken can keep all three; see
 * {@link #settledBefore}.
 *
 * @param link        whether it is a symbolic link (else a regular file)
 * @param mode        a file's permission bits; 0 for a link, whose own mode means nothing
 * @param size        bytes (a link: the length of its target)
 * @param mtimeNanos  the modification time, nanoseconds since the epoch
 * @param fileKey     the device and inode as the platform prints them, e.g. {@code (dev=fe00,ino=2222259)}
 */
public record Stamp(boolean link, int mode, long size, long mtimeNanos, String fileKey) {
    /** The stamp of a regular file or link, with the file's mode as {@code mode} gives it. */
    public static Stamp of(PosixFileAttributes attributes, int mode) {
        Object key = attributes.fileKey();
        boolean link = attributes.isSymbolicLink();
        return new Stamp(link, link ? 0 : mode, attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                key == null ? "" : key.toString());
    }

    /**
     * Whether any later change to the file must show in its stamp: it was last modified before the manifest
     * holding the stamp was written, by the same file system's clock. A file modified in the tick the manifest
     * was written could be modified again in that tick without its time moving (git's "racy clean" entries), so
     * such a file is compared by content.
     */
    public boolean settledBefore(Stamp manifest) {
        return mtimeNanos < manifest.mtimeNanos;
    }
}
