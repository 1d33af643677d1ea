package dev.berth.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Small pieces of the command line's sentences: counts with their plural, and why a file operation failed. */
final class Words {
    private Words() {
    }

    /** "1 file", "8 files". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Why a file operation failed, in words: Java's messages for a missing directory or a refused permission are
     * often only the path.
     */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException missing && missing.getFile() != null) {
            return missingDirectory(Path.of(missing.getFile())).map(Words::doesNotExist).orElse("no such file or directory");
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** The directory {@code file} would be in, when it does not exist. */
    static Optional<Path> missingDirectory(Path file) {
        Path parent = file.getParent();
        return parent != null && Files.notExists(parent) ? Optional.of(parent) : Optional.empty();
    }

    static String doesNotExist(Path directory) {
        return "the directory " + directory + " does not exist (create it with: mkdir -p " + directory + ")";
    }
}
