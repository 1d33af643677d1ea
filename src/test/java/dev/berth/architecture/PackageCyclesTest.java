package dev.berth.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * berth's packages depend on each other without a cycle, so each can be read, tested and changed from the ones
 * below it. A dependency is any mention of a class of another package in the code of the main sources: an import,
 * or a name written out in full. Comments do not count: a link in a doc comment is not a dependency.
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\n]*", Pattern.DOTALL);
    private static final Pattern MENTION = Pattern.compile("\\b(dev\\.berth(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            List<String> path = cycle(start, start, uses, new ArrayList<>(List.of(start)), new TreeSet<>());
            if (path != null && path.stream().allMatch(p -> p.compareTo(start) >= 0)) { // each cycle once
                cycles.add(String.join(" -> ", path));
            }
        }
        assertEquals(List.of(), cycles);
    }

    private static List<String> cycle(String start, String at, Map<String, Set<String>> uses, List<String> path,
                                      Set<String> seen) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> found = new ArrayList<>(path);
                found.add(start);
                return found;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycle(start, next, uses, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String own = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                if (!own.startsWith("dev.berth")) {
                    continue; // picocli's sources, compiled with berth's
                }
                Set<String> used = uses.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher m = MENTION.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(""));
                while (m.find()) {
                    if (!m.group(1).equals(own)) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        return uses;
    }
}
