package dev.berth.plan;

import dev.berth.diag.Json;
import dev.berth.tree.FileTree;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What berth installed below a root: every path it owns with the hash and mode it wrote, or the link
 * target. It lets apply prune what left the config and refuse files it never wrote. It lives at
 * {@value #PATH} under the root and is bookkeeping, not part of the plan's changes. Shape (version 1):
 * <pre>
 * {
 *   "format_version": 1,
 *   "generator": "berth",
 *   "files": [
 *     {"path": "etc/systemd/system/mycontainer.service", "kind": "file", "mode": "0644", "sha256": "9f86d0…"},
 *     {"path": "etc/systemd/system/sockets.target.wants/mycontainer.socket", "kind": "symlink", "target": "../mycontainer.socket"}
 *   ]
 * }
 * </pre>
 * Paths are relative to the root, sorted, normalized. A reader refuses a higher {@code format_version}.
 */
public record Manifest(SortedMap<String, FileState> files) {
    public static final String PATH = "var/lib/berth/manifest.json";
    public static final int FORMAT_VERSION = 1;
    /**
     * Far above any real manifest (ten thousand containers of eleven files each make 17 MiB; the largest config
     * the loader takes, about ten times that); a bigger file is not one berth wrote.
     */
    public static final int MAX_BYTES = 256 * 1024 * 1024;
    /** Compiled once: {@link String#matches} compiles its pattern on every call, twice per file of a large root. */
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MODE = Pattern.compile("0[0-7]{3}");

    public Manifest {
        TreeMap<String, FileState> copy = new TreeMap<>();
        files.forEach((path, state) -> copy.put(path, state.withoutText()));
        files = Collections.unmodifiableSortedMap(copy);
    }

    public static Manifest empty() {
        return new Manifest(new TreeMap<>());
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

    public Manifest with(String path, FileState state) {
        TreeMap<String, FileState> copy = new TreeMap<>(files);
        copy.put(path, state);
        return new Manifest(copy);
    }

    public Manifest without(String path) {
        TreeMap<String, FileState> copy = new TreeMap<>(files);
        copy.remove(path);
        return new Manifest(copy);
    }

    /** Deterministic text: the same manifest is the same bytes, so an unchanged root is not rewritten. */
    public String toJson() {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"format_version\": ").append(FORMAT_VERSION).append(",\n  \"generator\": \"berth\",\n  \"files\": [");
        String separator = "\n";
        for (Map.Entry<String, FileState> e : files.entrySet()) {
            json.append(separator).append("    {\"path\": ").append(Json.quote(e.getKey()));
            FileState state = e.getValue();
            json.append(", \"kind\": ").append(Json.quote(state.kind()));
            if (state instanceof FileState.Regular r) {
                json.append(", \"mode\": ").append(Json.quote(FileState.octal(r.mode())))
                        .append(", \"sha256\": ").append(Json.quote(r.sha256()));
            } else if (state instanceof FileState.Link l) {
                json.append(", \"target\": ").append(Json.quote(l.target()));
            }
            json.append('}');
            separator = ",\n";
        }
        json.append(files.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return json.toString();
    }

    /** Reads a manifest, refusing anything berth would not have written (the root may be hostile). */
    public static Manifest parse(String text) throws Invalid {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(text);
        } catch (JacksonException e) {
            throw new Invalid("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("not a JSON object");
        }
        JsonNode version = root.get("format_version");
        if (version == null || !version.isInt()) {
            throw new Invalid("no format_version");
        }
        if (version.intValue() != FORMAT_VERSION) {
            throw new Invalid("format_version " + version.intValue() + " is not " + FORMAT_VERSION
                    + " (written by another version of berth)");
        }
        JsonNode list = root.get("files");
        if (list == null || !list.isArray()) {
            throw new Invalid("no files list");
        }
        TreeMap<String, FileState> files = new TreeMap<>();
        for (JsonNode entry : list) {
            String path = string(entry, "path");
            if (!RootPaths.valid(path)) {
                throw new Invalid("path " + Json.quote(path) + " is not a normalized path below the root");
            }
            FileState state = switch (string(entry, "kind")) {
                case "file" -> new FileState.Regular(sha256(string(entry, "sha256")), mode(string(entry, "mode")), Optional.empty());
                case "symlink" -> new FileState.Link(string(entry, "target"));
                default -> throw new Invalid(path + ": kind must be file or symlink");
            };
            if (files.put(path, state) != null) {
                throw new Invalid(path + " is listed twice");
            }
        }
        return new Manifest(files);
    }

    private static String string(JsonNode entry, String key) throws Invalid {
        JsonNode value = entry == null ? null : entry.get(key);
        if (value == null || !value.isString()) {
            throw new Invalid("an entry has no string \"" + key + "\"");
        }
        return value.stringValue();
    }

    private static String sha256(String hex) throws Invalid {
        if (!SHA256.matcher(hex).matches()) {
            throw new Invalid("sha256 " + Json.quote(hex) + " is not 64 lowercase hex digits");
        }
        return hex;
    }

    private static int mode(String octal) throws Invalid {
        if (!MODE.matcher(octal).matches()) {
            throw new Invalid("mode " + Json.quote(octal) + " is not four octal digits");
        }
        return Integer.parseInt(octal, 8);
    }

    /** The manifest is not one berth can trust. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message);
        }
    }
}
