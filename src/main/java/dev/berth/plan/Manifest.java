package dev.berth.plan;

import dev.berth.tree.FileTree;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What berth installed below a root: every path it owns with the hash and mode it wrote, or the link
 * target. It lets apply prune what left the config and refuse files it never wrote. It lives at
 * {@value #PATH} under the root and is bookkeeping, not part of the plan's changes. Shape (version 1):
 * <pre>
 * {
 *   "format_version": 1,
 *   "generator": "berth",
 *   "config": {"sha256": "…", "guests": [{"container": "mycontainer", "path": "srv/mycontainer", …}], "needs": {…}},
 *   "files": [
 *     {"path": "etc/systemd/system/mycontainer.service", "kind": "file", "mode": "0644", "sha256": "9f86d0…",
 *      "size": 1021, "mtime_ns": 1796407202659645088, "file_key": "(dev=fe00,ino=2222259)"},
 *     {"path": "etc/systemd/system/sockets.target.wants/mycontainer.socket", "kind": "symlink", "target": "../mycontainer.socket"}
 *   ]
 * }
 * </pre>
 * Paths are relative to the root, sorted, normalized. A reader refuses a higher {@code format_version}.
 * {@code config} ({@link AppliedConfig}) and each file's {@link Stamp} ({@code size}, {@code mtime_ns},
 * {@code file_key}) are optional: without them a plan reads every file, as berth before them did.
 *
 * @param files  what each owned path holds
 * @param stamps the metadata of owned paths as last seen holding what {@code files} says; a path without one is
 *               read by the next plan. Only paths in {@code files} have one (the readers and writers of a manifest
 *               see to that; checking it here would cost a hundred thousand lookups for a large root)
 * @param config the config the files were compiled from, when it can be trusted to compile the same again
 */
public record Manifest(SortedMap<String, FileState> files, Map<String, Stamp> stamps, Optional<AppliedConfig> config) {
    public static final String PATH = "var/lib/berth/manifest.json";
    public static final int FORMAT_VERSION = 1;
    /**
     * Far above any real manifest (ten thousand containers of eleven files each make 29 MiB with their stamps; the
     * largest config the loader takes, about ten times that); a bigger file is not one berth wrote.
     */
    public static final int MAX_BYTES = 256 * 1024 * 1024;

    public Manifest {
        // a copy of a sorted map is built in one pass, without comparing paths (a large root has 100,000)
        TreeMap<String, FileState> copy = new TreeMap<>(files);
        copy.replaceAll((path, state) -> state.withoutText());
        files = Collections.unmodifiableSortedMap(copy);
        stamps = Collections.unmodifiableMap(new HashMap<>(stamps));
    }

    /** A manifest of these files, without stamps or config. */
    public Manifest(SortedMap<String, FileState> files) {
        this(files, Map.of(), Optional.empty());
    }

    public static Manifest empty() {
        return new Manifest(new TreeMap<>());
    }

    /** This manifest with these stamps added to (or replacing) the ones it has. */
    public Manifest withStamps(Map<String, Stamp> more) {
        HashMap<String, Stamp> merged = new HashMap<>(stamps);
        merged.putAll(more);
        return new Manifest(files, merged, config);
    }

    public Optional<Stamp> stamp(String path) {
        return Optional.ofNullable(stamps.get(path));
    }

    /** What berth owns once the tree is installed. */
    public static Manifest of(FileTree tree) {
        TreeMap<String, FileState> files = new TreeMap<>();
        tree.entries().forEach((path, node) -> files.put(path, FileState.of(node)));
        return new Manifest(files);
    }

    public Optional<FileState> get(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public boolean owns(String path) {
        return files.containsKey(path);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** With the path holding this state; the path's old stamp goes (it described the old content). */
    public Manifest with(String path, FileState state) {
        TreeMap<String, FileState> copy = new TreeMap<>(files);
        copy.put(path, state);
        HashMap<String, Stamp> kept = new HashMap<>(stamps);
        kept.remove(path);
        return new Manifest(copy, kept, config);
    }

    public Manifest without(String path) {
        TreeMap<String, FileState> copy = new TreeMap<>(files);
        copy.remove(path);
        HashMap<String, Stamp> kept = new HashMap<>(stamps);
        kept.remove(path);
        return new Manifest(copy, kept, config);
    }

    /** Deterministic text: the same manifest is the same bytes, so an unchanged root is not rewritten. */
    public String toJson() {
        return ManifestWriter.write(this);
    }

    /** Reads a manifest, refusing anything berth would not have written (the root may be hostile). */
    public static Manifest parse(String text) throws Invalid {
        return ManifestReader.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The digest of the config a manifest records, read without its files; empty when it records none. */
    public static Optional<String> configDigest(byte[] json) {
        return ManifestReader.digest(json);
    }

    /** As {@link #parse(String)}, from the file's bytes (UTF-8). */
    public static Manifest parse(byte[] json) throws Invalid {
        return ManifestReader.parse(json);
    }

    /** The manifest is not one berth can trust. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message);
        }
    }
}
