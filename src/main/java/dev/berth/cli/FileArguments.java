package dev.berth.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * File arguments that may be glob patterns, expanded by berth itself: a pre-commit hook or a CI step
 * passes {@code 'hosts/*.yaml'} quoted, so no shell expands it. A pattern is matched with Java's glob
 * syntax ({@code *}, {@code ?}, {@code [a-z]}, {@code {a,b}}, {@code **} across directories), relative to
 * the current directory unless it is absolute. Like a shell, names starting with a dot are matched only by
 * a pattern part that starts with a dot. An argument without pattern characters, or one that names an
 * existing file as written, is taken literally (a missing file is then reported when it is read).
 */
final class FileArguments {
    private static final String META = "*?[{";

    /**
     * @param files     every file to read, in argument order, each once; a pattern's matches sorted
     * @param unmatched the patterns that matched no file
     */
    record Expansion(List<Path> files, List<String> unmatched) {
        Expansion {
            files = List.copyOf(files);
            unmatched = List.copyOf(unmatched);
        }
    }

    private FileArguments() {
    }

    static Expansion expand(List<String> arguments) {
        Set<Path> files = new LinkedHashSet<>();
        List<String> unmatched = new ArrayList<>();
        for (String argument : arguments) {
            if (!isPattern(argument) || Files.exists(Path.of(argument))) {
                files.add(Path.of(argument));
                continue;
            }
            List<Path> matches = matches(argument);
            if (matches.isEmpty()) {
                unmatched.add(argument);
            }
            files.addAll(matches);
        }
        return new Expansion(new ArrayList<>(files), unmatched);
    }

    static boolean isPattern(String argument) {
        return argument.chars().anyMatch(c -> META.indexOf(c) >= 0);
    }

    /** The regular files a pattern matches, sorted. */
    static List<Path> matches(String pattern) {
        String[] parts = pattern.split("/", -1);
        int fixed = 0;
        while (fixed < parts.length - 1 && !isPattern(parts[fixed]) && !parts[fixed].contains("\\")) {
            fixed++;
        }
        String base = String.join("/", java.util.Arrays.copyOfRange(parts, 0, fixed));
        Path baseDir = pattern.startsWith("/") && base.isEmpty() ? Path.of("/") : Path.of(base);
        List<String> rest = List.of(parts).subList(fixed, parts.length);
        String restPattern = String.join("/", rest);
        boolean deep = rest.stream().anyMatch(p -> p.contains("**"));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + restPattern);
        // "**/x" also matches x itself, as in shells with globstar
        PathMatcher shallow = restPattern.startsWith("**/")
                ? FileSystems.getDefault().getPathMatcher("glob:" + restPattern.substring(3)) : p -> false;
        if (!Files.isDirectory(baseDir)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        int depth = deep ? Integer.MAX_VALUE : rest.size();
        try {
            Files.walkFileTree(baseDir, Set.of(), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.equals(baseDir) || visible(baseDir.relativize(dir), rest)
                            ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    Path relative = baseDir.relativize(file);
                    if (visible(relative, rest) && (matcher.matches(relative) || shallow.matches(relative))
                            && Files.isRegularFile(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // an unreadable directory is skipped, as a shell skips it
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        found.sort(null);
        return found;
    }

    /** Dot names are matched only where the pattern spells a dot at the start of a part. */
    private static boolean visible(Path relative, List<String> pattern) {
        boolean dotsAllowed = pattern.stream().anyMatch(p -> p.startsWith("."));
        if (dotsAllowed) {
            return true;
        }
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
