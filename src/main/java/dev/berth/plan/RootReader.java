package dev.berth.plan;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Read access to a root (the port the planner looks through). Paths are relative to the root, use '/'
 * and contain no '.' or '..' components. No method follows a symbolic link below the root.
 */
public interface RootReader {
    /** What is at the path. Reading a regular file hashes it (and keeps its text when it is small UTF-8). */
    Observation look(String path) throws IOException;

    /**
     * The text of a regular file, at most {@code maxBytes}; empty when it does not exist.
     *
     * @throws IOException when it cannot be read safely: a symbolic link, a parent that is one, or not UTF-8
     */
    Optional<String> readText(String path, int maxBytes) throws IOException;

    /** The names in a directory, sorted; empty when it does not exist or cannot be reached safely. */
    List<String> list(String directory) throws IOException;
}
