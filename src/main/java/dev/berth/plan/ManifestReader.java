package dev.berth.plan;

import dev.berth.diag.JsonText;
import dev.berth.translate.GuestBootstrap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a {@link Manifest} token by token, refusing anything berth would not have written (the root may be
 * hostile). Streaming, not a JSON tree: the manifest of ten thousand containers lists a hundred thousand files.
 */
final class ManifestReader {
    private static final JsonFactory JSON = new JsonFactory();
    /** Compiled once: {@link String#matches} compiles its pattern on every call. */
    private static final Pattern MODE = Pattern.compile("0[0-7]{3}");

    private final TreeMap<String, FileState> files = new TreeMap<>();
    private final HashMap<String, Stamp> stamps;
    /** The first entry found wrong; reported after the format version, which may explain it. */
    private Manifest.Invalid wrongEntry;

    /** @param size the manifest's length: an entry takes about 200 bytes, so the map of stamps never rehashes */
    private ManifestReader(int size) {
        stamps = new HashMap<>(size / 100);
    }

    static Manifest parse(byte[] json) throws Manifest.Invalid {
        return new ManifestReader(json.length).read(json);
    }

    /**
     * The recorded config's digest, read without the files list (berth writes the config first): whether a plan
     * can skip compiling is told before parsing a hundred thousand entries. Empty when there is none or the text is
     * not what berth writes; {@link #parse} then says what is wrong, if anything.
     */
    static Optional<String> digest(byte[] json) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            for (JsonToken t = parser.nextToken(); t == JsonToken.PROPERTY_NAME; t = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("config")) {
                    return value(parser, value) instanceof Map<?, ?> config && config.get("sha256") instanceof String digest
                            ? Optional.of(digest) : Optional.empty();
                }
                parser.skipChildren();
            }
        } catch (JacksonException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private Manifest read(byte[] json) throws Manifest.Invalid {
        Object version = null;
        boolean listed = false;
        Object config = null;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new Manifest.Invalid("not a JSON object");
            }
            for (JsonToken t = parser.nextToken(); t == JsonToken.PROPERTY_NAME; t = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "format_version" -> version = value(parser, value);
                    case "config" -> config = value(parser, value);
                    case "files" -> {
                        if (value == JsonToken.START_ARRAY) {
                            listed = true;
                            for (JsonToken e = parser.nextToken(); e != JsonToken.END_ARRAY; e = parser.nextToken()) {
                                entry(parser, e);
                            }
                        } else {
                            parser.skipChildren();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        } catch (JacksonException e) {
            throw new Manifest.Invalid("not JSON: " + e.getOriginalMessage());
        }
        if (!(version instanceof Integer number)) {
            throw new Manifest.Invalid("no format_version");
        }
        if (number != Manifest.FORMAT_VERSION) {
            throw new Manifest.Invalid("format_version " + number + " is not " + Manifest.FORMAT_VERSION
                    + " (written by another version of berth)");
        }
        if (!listed) {
            throw new Manifest.Invalid("no files list");
        }
        if (wrongEntry != null) {
            throw wrongEntry;
        }
        return new Manifest(files, stamps, config(config));
    }

    /** One entry of the files list; a wrong one is remembered, and the rest of the list only skipped. */
    private void entry(JsonParser parser, JsonToken token) {
        if (token != JsonToken.START_OBJECT || wrongEntry != null) {
            parser.skipChildren();
            if (wrongEntry == null) {
                wrongEntry = new Manifest.Invalid("an entry has no string \"path\"");
            }
            return;
        }
        // read field by field, not as a map: a large root's manifest has a hundred thousand entries
        String path = null;
        String kind = null;
        String mode = null;
        String sha256 = null;
        String target = null;
        String fileKey = null;
        long size = -1;
        long mtime = 0;
        boolean timed = false;
        for (JsonToken t = parser.nextToken(); t == JsonToken.PROPERTY_NAME; t = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            boolean text = value == JsonToken.VALUE_STRING;
            boolean whole = value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
            switch (name) {
                case "path" -> path = text ? parser.getString() : null;
                case "kind" -> kind = text ? parser.getString() : null;
                case "mode" -> mode = text ? parser.getString() : null;
                case "sha256" -> sha256 = text ? parser.getString() : null;
                case "target" -> target = text ? parser.getString() : null;
                case "file_key" -> fileKey = text ? parser.getString() : null;
                case "size" -> size = whole ? parser.getLongValue() : -1;
                case "mtime_ns" -> {
                    timed = whole;
                    mtime = whole ? parser.getLongValue() : 0;
                }
                default -> parser.skipChildren();
            }
        }
        try {
            required(path, "path");
            if (!RootPaths.valid(path)) {
                throw new Manifest.Invalid("path " + JsonText.quote(path) + " is not a normalized path below the root");
            }
            FileState state = switch (required(kind, "kind")) {
                case "file" -> new FileState.Regular(sha256(required(sha256, "sha256")), mode(required(mode, "mode")), Optional.empty());
                case "symlink" -> new FileState.Link(required(target, "target"));
                default -> throw new Manifest.Invalid(path + ": kind must be file or symlink");
            };
            if (files.put(path, state) != null) {
                throw new Manifest.Invalid(path + " is listed twice");
            }
            if (size >= 0 && timed && fileKey != null) {
                boolean link = state instanceof FileState.Link;
                stamps.put(path, new Stamp(link, link ? 0 : ((FileState.Regular) state).mode(), size, mtime, fileKey));
            }
        } catch (Manifest.Invalid e) {
            wrongEntry = e;
        }
    }

    private static String required(String value, String key) throws Manifest.Invalid {
        if (value == null) {
            throw new Manifest.Invalid("an entry has no string \"" + key + "\"");
        }
        return value;
    }

    /** A JSON value as Java: a map (in order), list, String, Integer or Long, Boolean, or null for others. */
    private static Object value(JsonParser parser, JsonToken token) {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t == JsonToken.PROPERTY_NAME; t = parser.nextToken()) {
                    String name = parser.currentName();
                    map.put(name, value(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(parser, t));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getString();
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> parser.getIntValue();
                    case LONG -> parser.getLongValue();
                    default -> null;
                };
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return token == JsonToken.VALUE_TRUE;
            }
            default -> {
                return null;
            }
        }
    }

    private static String sha256(String hex) throws Manifest.Invalid {
        if (!lowercaseHex(hex, 64)) {
            throw new Manifest.Invalid("sha256 " + JsonText.quote(hex) + " is not 64 lowercase hex digits");
        }
        return hex;
    }

    /** Checked by hand, not by a pattern: once per file of a root that may have a hundred thousand. */
    private static boolean lowercaseHex(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static int mode(String octal) throws Manifest.Invalid {
        if (!MODE.matcher(octal).matches()) {
            throw new Manifest.Invalid("mode " + JsonText.quote(octal) + " is not four octal digits");
        }
        return Integer.parseInt(octal, 8);
    }

    /**
     * The recorded config, or none when it is missing or not as berth writes it: only a plan's speed depends on it
     * (a plan without it compiles the config and reads every file), so a damaged record is not worth refusing the
     * root for.
     */
    private static Optional<AppliedConfig> config(Object value) {
        if (!(value instanceof Map<?, ?> config) || !(config.get("sha256") instanceof String digest)
                || !(config.get("guests") instanceof List<?> guestList) || !(config.get("needs") instanceof Map<?, ?> needMap)) {
            return Optional.empty();
        }
        List<GuestRoot> guests = new ArrayList<>();
        for (Object item : guestList) {
            if (!(item instanceof Map<?, ?> g) || !(g.get("container") instanceof String container)
                    || !(g.get("path") instanceof String path) || !RootPaths.valid(path)
                    || !(g.get("origin") instanceof String origin) || !(g.get("os") instanceof String os)
                    || !(g.get("release") instanceof String release) || !(g.get("sshd") instanceof Boolean sshd)
                    || !(g.get("packages") instanceof List<?> packageList)) {
                return Optional.empty();
            }
            List<String> packages = new ArrayList<>();
            for (Object p : packageList) {
                if (!(p instanceof String name)) {
                    return Optional.empty();
                }
                packages.add(name);
            }
            guests.add(new GuestRoot(container, path, origin, new GuestBootstrap(os, release, sshd, packages)));
        }
        Map<String, SortedMap<String, String>> needs = new HashMap<>();
        for (Map.Entry<?, ?> scope : needMap.entrySet()) {
            if (!(scope.getValue() instanceof Map<?, ?> settingMap)) {
                return Optional.empty();
            }
            TreeMap<String, String> settings = new TreeMap<>();
            for (Map.Entry<?, ?> need : settingMap.entrySet()) {
                if (!(need.getKey() instanceof String setting) || !SystemdVersion.SINCE.containsKey(setting)
                        || !(need.getValue() instanceof String path)) {
                    return Optional.empty();
                }
                settings.put(setting, path);
            }
            needs.put((String) scope.getKey(), settings);
        }
        return Optional.of(new AppliedConfig(digest, guests, needs));
    }
}
