package dev.berth.tree;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The complete output of a compile: path to entry, sorted, so that everything derived from it
 * (files on disk, listings, plans) comes out in the same order every time.
 */
public final class FileTree {
    private final SortedMap<String, FileNode> entries;

    private FileTree(SortedMap<String, FileNode> entries) {
        this.entries = Collections.unmodifiableSortedMap(entries);
    }

    public SortedMap<String, FileNode> entries() {
        return entries;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Refuses a second entry for a path: the check stage must have made that impossible. */
    public static final class Builder {
        private final SortedMap<String, FileNode> entries = new TreeMap<>();

        public Builder put(String path, FileNode node) {
            requireRelative(path);
            FileNode previous = entries.putIfAbsent(path, node);
            if (previous != null) {
                throw new IllegalStateException(path + " generated twice: from " + previous.origin() + " and " + node.origin());
            }
            return this;
        }

        public FileTree build() {
            return new FileTree(new TreeMap<>(entries));
        }
    }

    /** What every path of a tree is: relative to the root, and normalized. */
    public static void requireRelative(String path) {
        if (path.startsWith("/") || path.contains("//") || path.endsWith("/")) {
            throw new IllegalArgumentException("not a relative normalized path: " + path);
        }
    }

    public int size() {
        return entries.size();
    }

    public Map<String, FileNode> asMap() {
        return entries;
    }
}
