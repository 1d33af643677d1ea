package dev.berth.tree;

import java.nio.charset.StandardCharsets;

/** One entry of the output tree. Paths are relative to the host's root and never start with '/'. */
public sealed interface FileNode {
    /** The config path this entry was generated from. */
    String origin();

    /** A regular file with its text (all of berth's output is UTF-8 text) and permission bits. */
    record RegularFile(String content, int mode, String origin) implements FileNode {
        public byte[] bytes() {
            return content.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A symbolic link with a relative target, as {@code systemctl enable} would create it. */
    record Symlink(String target, String origin) implements FileNode {
    }
}
