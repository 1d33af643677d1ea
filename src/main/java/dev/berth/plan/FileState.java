package dev.berth.plan;

import dev.berth.tree.FileNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** What a path holds, on disk or in the compiled tree: a regular file or a symbolic link. */
public sealed interface FileState {
    /** {@code file} or {@code symlink}, as plans and the manifest name them. */
    String kind();

    /** The same bytes and mode, or the same link target; the file's text is not compared, its hash is. */
    boolean sameAs(FileState other);

    /** This state without the file's text: what the manifest records. */
    FileState withoutText();

    /**
     * A regular file.
     *
     * @param text the content when it is UTF-8 text of reasonable size (always present for berth's own files)
     */
    record Regular(String sha256, int mode, Optional<String> text) implements FileState {
        public static Regular of(String text, int mode) {
            return new Regular(FileState.sha256(text.getBytes(StandardCharsets.UTF_8)), mode, Optional.of(text));
        }

        @Override
        public String kind() {
            return "file";
        }

        @Override
        public boolean sameAs(FileState other) {
            return other instanceof Regular r && r.sha256.equals(sha256) && r.mode == mode;
        }

        public boolean sameContent(FileState other) {
            return other instanceof Regular r && r.sha256.equals(sha256);
        }

        @Override
        public Regular withoutText() {
            return text.isEmpty() ? this : new Regular(sha256, mode, Optional.empty());
        }

        public byte[] bytes() {
            return text.orElseThrow(() -> new IllegalStateException("no content known for " + sha256))
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A symbolic link; its target is never followed. */
    record Link(String target) implements FileState {
        @Override
        public String kind() {
            return "symlink";
        }

        @Override
        public boolean sameAs(FileState other) {
            return equals(other);
        }

        @Override
        public Link withoutText() {
            return this;
        }
    }

    static FileState of(FileNode node) {
        if (node instanceof FileNode.RegularFile f) {
            return Regular.of(f.content(), f.mode());
        }
        return new Link(((FileNode.Symlink) node).target());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Mode bits as the plan and the manifest print them, e.g. {@code 0644}. */
    static String octal(int mode) {
        return String.format("%04o", mode);
    }
}
