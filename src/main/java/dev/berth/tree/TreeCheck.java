package dev.berth.tree;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares a directory with the tree berth would write there ({@code berth compile --check}), for
 * repositories that commit the compiled output: which files are stale (other content, another link
 * target, the executable bit differs, or the wrong kind of file), missing, or extra. Directories are not
 * compared, as git does not keep them; of the mode only the executable bit counts, as git keeps only that.
 */
public final class TreeCheck {
    private TreeCheck() {
    }

    /** What is wrong with one path. */
    public enum Kind {
        STALE, MISSING, EXTRA;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param path   relative to the directory, with '/' separators
     * @param detail why a stale file is stale (empty for missing and extra files)
     */
    public record Difference(Kind kind, String path, String detail) {
    }

    /**
     * @param files       how many entries berth would write
     * @param differences sorted by path
     */
    public record Result(int files, List<Difference> differences) {
        public Result {
            differences = List.copyOf(differences);
        }

        public boolean upToDate() {
            return differences.isEmpty();
        }

        public long count(Kind kind) {
            return differences.stream().filter(d -> d.kind() == kind).count();
        }
    }

    /** A missing directory is a tree of missing files; a directory that cannot be read is an IOException. */
    public static Result compare(FileTree tree, Path dir) throws IOException {
        Map<String, Difference> differences = new TreeMap<>();
        for (var e : tree.entries().entrySet()) {
            compare(e.getKey(), e.getValue(), dir.resolve(e.getKey())).ifPresent(d -> differences.put(d.path(), d));
        }
        if (Files.isDirectory(dir)) {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String path = relative(dir, file);
                    if (!tree.entries().containsKey(path)) {
                        differences.put(path, new Difference(Kind.EXTRA, path, ""));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } else if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a directory");
        }
        return new Result(tree.size(), List.copyOf(differences.values()));
    }

    private static Optional<Difference> compare(String path, FileNode node, Path actual) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(actual, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.of(new Difference(Kind.MISSING, path, ""));
        } catch (FileSystemException e) {
            // a file where a parent directory should be (ENOTDIR): the path is missing, the file is extra
            if (!(e instanceof AccessDeniedException) && !Files.isDirectory(actual.getParent(), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(new Difference(Kind.MISSING, path, ""));
            }
            throw e;
        }
        if (node instanceof FileNode.Symlink link) {
            if (!attributes.isSymbolicLink()) {
                return stale(path, "is " + kind(attributes) + "; berth writes a link to " + link.target());
            }
            String target = Files.readSymbolicLink(actual).toString();
            return target.equals(link.target()) ? Optional.empty()
                    : stale(path, "links to " + target + "; berth writes a link to " + link.target());
        }
        FileNode.RegularFile file = (FileNode.RegularFile) node;
        if (!attributes.isRegularFile()) {
            return stale(path, "is " + kind(attributes) + "; berth writes a file");
        }
        if (attributes.size() != file.bytes().length || !Arrays.equals(Files.readAllBytes(actual), file.bytes())) {
            return stale(path, "content differs");
        }
        boolean executable = Files.getPosixFilePermissions(actual).contains(PosixFilePermission.OWNER_EXECUTE);
        if (executable != ((file.mode() & 0100) != 0)) {
            return stale(path, executable ? "is executable; berth writes it without x" : "is not executable; berth writes it with x");
        }
        return Optional.empty();
    }

    private static Optional<Difference> stale(String path, String detail) {
        return Optional.of(new Difference(Kind.STALE, path, detail));
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "a link";
        }
        if (attributes.isDirectory()) {
            return "a directory";
        }
        return attributes.isRegularFile() ? "a file" : "a special file";
    }

    private static String relative(Path dir, Path file) {
        StringBuilder path = new StringBuilder();
        for (Path name : dir.relativize(file)) {
            path.append(path.length() == 0 ? "" : "/").append(name);
        }
        return path.toString();
    }
}
