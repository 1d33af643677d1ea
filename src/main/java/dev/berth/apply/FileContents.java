package dev.berth.apply;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardOpenOption.READ;

import dev.berth.plan.FileState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/** What a regular file below the root holds, read through its directory's handle: hashed, and kept as text if small. */
final class FileContents {
    /** Files up to this size keep their text for diffs; bigger ones are only hashed. */
    private static final int TEXT_LIMIT = 1024 * 1024;

    private FileContents() {
    }

    /**
     * The state of the regular file {@code name}; one holding exactly the expected bytes is not hashed: it has the
     * expected hash.
     *
     * @param size the size its attributes gave, which it may have left since
     */
    static FileState.Regular read(SecureDirectoryStream<Path> dir, Path name, int mode, long size,
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

    /** The bytes as text, if they are UTF-8. */
    static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The permission bits as a number, e.g. 0644. */
    static int mode(Set<PosixFilePermission> permissions) {
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

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
