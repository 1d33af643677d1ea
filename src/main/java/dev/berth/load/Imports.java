package dev.berth.load;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.Diagnostics;
import dev.berth.diag.Position;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The files a config imports ({@code import:}, paths relative to the importing file), read and merged into the
 * config's document: their templates and host drop-ins become the config's own, each still located in the file
 * that defines it. Only shared definitions can be imported; a container belongs to the one host whose file names
 * it, and so does the systemd version. An imported file may import others; a cycle, a missing file and a name
 * defined twice are errors.
 */
public final class Imports {
    static final String IMPORT = "import";
    private static final String TEMPLATES = "templates";
    private static final String HOST = "host";
    private static final String DROP_INS = "drop-ins";
    /** What an imported file may hold at its top level. */
    private static final List<String> IMPORTABLE = List.of("berth", IMPORT, TEMPLATES, HOST);
    /** As large as a config may be. */
    private static final long MAX_BYTES = 32L * 1024 * 1024;

    /** Reads an imported file, by the name it is shown under; empty when it does not exist. */
    public interface Reader {
        Optional<Source> read(String name, Diagnostics diagnostics);
    }

    /** Files on this machine, named relative to the current directory as the importing config is. */
    public static final Reader FILES = (name, diagnostics) -> Files.exists(Path.of(name))
            ? SourceReader.read(Path.of(name), name, MAX_BYTES, diagnostics).or(() -> Optional.of(new Source(name, "")))
            : Optional.empty();

    private final YamlLoader loader;
    private final Reader reader;
    private final Diagnostics diagnostics;
    private final Deque<String> importing = new ArrayDeque<>();
    private final Set<String> done = new HashSet<>();
    /** Every imported file once, each after the files it imports. */
    private final List<Document> imported = new ArrayList<>();

    private Imports(YamlLoader loader, Reader reader, Diagnostics diagnostics) {
        this.loader = loader;
        this.reader = reader;
        this.diagnostics = diagnostics;
    }

    /**
     * The config's document with everything it imports merged in; the document itself when it imports nothing;
     * empty when a file could not be imported. Mistakes go to {@code diagnostics} with their positions in the file
     * where they are.
     */
    public static Optional<Document> resolve(Document config, YamlLoader loader, Reader reader, Diagnostics diagnostics) {
        if (!(config.root() instanceof Map<?, ?> root) || !root.containsKey(IMPORT)) {
            return Optional.of(config);
        }
        Diagnostics reading = new Diagnostics();
        Imports imports = new Imports(loader, reader, reading);
        imports.importing.push(normalized(config.source().name()));
        imports.follow(config, false);
        diagnostics.addAll(reading);
        if (reading.hasErrors()) {
            return Optional.empty(); // what a missing or refused file defines would be reported as missing again
        }
        // a name defined twice is kept once: the run goes on and reports the rest
        return Optional.of(Merge.of(config, imports.imported, diagnostics));
    }

    /** Every file the config imports, directly or not, each once; unreadable ones are left out. */
    public static List<Source> sources(Source config, Reader reader) {
        if (!config.text().contains(IMPORT)) {
            return List.of(); // most configs import nothing: no need to read them twice
        }
        Diagnostics ignored = new Diagnostics();
        YamlLoader loader = new YamlLoader();
        return loader.load(config, ignored)
                .map(document -> {
                    Imports imports = new Imports(loader, reader, ignored);
                    imports.importing.push(normalized(config.name()));
                    imports.follow(document, false);
                    return imports.imported.stream().map(Document::source).toList();
                })
                .orElse(List.of());
    }

    /** Reads the files a document imports, depth first. The config's own {@code import:} is the schema's to check. */
    private void follow(Document document, boolean fromImport) {
        Object value = ((Map<?, ?>) document.root()).get(IMPORT);
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> paths) || paths.stream().anyMatch(p -> !(p instanceof String))) {
            if (fromImport) {
                report(document, Code.S001, "/" + IMPORT, "'import' is a list of file paths, relative to this file",
                        "write import: [common/sites.yaml]");
            }
            return;
        }
        for (int i = 0; i < paths.size(); i++) {
            String pointer = "/" + IMPORT + "/" + i;
            String path = (String) paths.get(i);
            if (path.isEmpty() && !fromImport) {
                continue; // the schema reports an empty path in the config itself
            }
            if (path.isEmpty() || path.startsWith("/")) {
                report(document, Code.R002, pointer, "'" + path + "' is not a path relative to this file",
                        "name the file from this file's directory, e.g. ../common/sites.yaml");
                continue;
            }
            String name = nameOf(document.source().name(), path);
            if (importing.contains(name)) {
                List<String> chain = new ArrayList<>(importing);
                java.util.Collections.reverse(chain);
                chain = chain.subList(chain.indexOf(name), chain.size());
                report(document, Code.R003, pointer, "importing " + name + " here closes a cycle: "
                        + String.join(" imports ", chain) + " imports " + name,
                        "remove this import; a file of shared definitions must not import the files that use it");
                continue;
            }
            if (!done.add(name)) {
                continue; // imported twice (two files share it): read once
            }
            Optional<Source> source = reader.read(name, diagnostics);
            if (source.isEmpty()) {
                report(document, Code.R002, pointer, "cannot import " + name + ": no such file",
                        "check the path; it is relative to " + document.source().name());
                continue;
            }
            Optional<Document> loaded = loader.load(source.get(), diagnostics);
            if (loaded.isEmpty()) {
                continue;
            }
            if (!(loaded.get().root() instanceof Map<?, ?>)) {
                report(loaded.get(), Code.S001, "", name + " holds no mapping of shared definitions",
                        "write templates: and host: drop-ins: in it");
                continue;
            }
            boolean importable = keysImportable(loaded.get());
            importing.push(name);
            follow(loaded.get(), true);
            importing.pop();
            if (importable) {
                imported.add(loaded.get());
            }
        }
    }

    private boolean keysImportable(Document document) {
        boolean ok = true;
        for (Object key : ((Map<?, ?>) document.root()).keySet()) {
            if (!IMPORTABLE.contains(key)) {
                report(document, Code.R005, JsonPointer.child("", (String) key),
                        "an imported file holds only shared definitions, not '" + key + "'",
                        "move '" + key + "' to the host files; an imported file holds templates, host drop-ins and imports");
                ok = false;
            }
        }
        Map<?, ?> top = (Map<?, ?>) document.root();
        ok &= mapping(document, top, TEMPLATES, "/" + TEMPLATES);
        ok &= mapping(document, top, HOST, "/" + HOST);
        if (top.get(HOST) instanceof Map<?, ?> host) {
            for (Object key : host.keySet()) {
                if (!DROP_INS.equals(key)) {
                    report(document, Code.R005, JsonPointer.child("/" + HOST, (String) key),
                            "an imported file holds only shared definitions, not host '" + key + "'",
                            "keep host drop-ins here and move '" + key + "' to the host files");
                    ok = false;
                }
            }
            String dropIns = "/" + HOST + "/" + DROP_INS;
            if (mapping(document, host, DROP_INS, dropIns) && host.get(DROP_INS) instanceof Map<?, ?> units) {
                for (Object unit : units.keySet()) {
                    ok &= mapping(document, units, (String) unit, JsonPointer.child(dropIns, (String) unit));
                }
            }
        }
        return ok;
    }

    /** Whether the key, when present, holds a mapping: what merging needs; the schema checks the rest. */
    private boolean mapping(Document document, Map<?, ?> in, String key, String pointer) {
        Object value = in.get(key);
        if (value == null || value instanceof Map<?, ?>) {
            return true;
        }
        report(document, Code.S001, pointer, "'" + key + "' is a mapping of names to definitions", "write " + key + ": {}");
        return false;
    }

    private static String normalized(String name) {
        return Path.of(name).normalize().toString();
    }

    /** The shown name of a file imported by {@code importer}: relative to the importer's directory, normalized. */
    static String nameOf(String importer, String path) {
        Path parent = Path.of(importer).getParent();
        return (parent == null ? Path.of(path) : parent.resolve(path)).normalize().toString();
    }

    private void report(Document where, Code code, String pointer, String summary, String hint) {
        diagnostics.add(at(where, Diagnostic.of(code, pointer, summary, hint)));
    }

    /** A diagnostic about a file other than the config gets its position now, from that file. */
    static Diagnostic at(Document where, Diagnostic diagnostic) {
        Position position = where.sourceMap().locate(diagnostic.path(), diagnostic.code().pointsAtKey());
        return diagnostic.at(position);
    }

    /** The merged document's parts, by the config path where each starts and the file it comes from. */
    private static final class Merge {
        private final Map<String, SourceMap> parts = new LinkedHashMap<>();
        private final Map<String, Position> definedAt = new LinkedHashMap<>();
        private final Diagnostics diagnostics;

        private Merge(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        static Document of(Document config, List<Document> imported, Diagnostics diagnostics) {
            Merge merge = new Merge(diagnostics);
            Map<String, Object> root = copy(asMap(config.root()));
            Object ownTemplates = root.get(TEMPLATES);
            Object ownHost = root.get(HOST);
            boolean templatesMerge = ownTemplates == null || ownTemplates instanceof Map<?, ?>;
            boolean dropInsMerge = ownHost == null || ownHost instanceof Map<?, ?> host
                    && (host.get(DROP_INS) == null || host.get(DROP_INS) instanceof Map<?, ?>);
            // the config's own mappings are where positions of what it writes are; the first import's where it does not
            List<Document> configFirst = new ArrayList<>();
            configFirst.add(config);
            configFirst.addAll(imported);
            for (Document document : configFirst) {
                Map<?, ?> top = asMap(document.root());
                for (String key : List.of(TEMPLATES, HOST)) {
                    if (top.containsKey(key)) {
                        merge.parts.putIfAbsent("/" + key, document.sourceMap());
                    }
                }
                Map<?, ?> dropIns = asMap(asMap(top.get(HOST)).get(DROP_INS));
                if (asMap(top.get(HOST)).containsKey(DROP_INS)) {
                    merge.parts.putIfAbsent("/" + HOST + "/" + DROP_INS, document.sourceMap());
                }
                dropIns.keySet().forEach(unit -> merge.parts.putIfAbsent(unitPointer(unit), document.sourceMap()));
            }
            List<Document> importsFirst = new ArrayList<>(imported);
            importsFirst.add(config);
            Map<String, Object> templates = new LinkedHashMap<>();
            Map<String, Object> dropIns = new LinkedHashMap<>();
            for (Document document : importsFirst) {
                Map<?, ?> top = asMap(document.root());
                asMap(top.get(TEMPLATES)).forEach((name, template) -> merge.define(document, templates, "/" + TEMPLATES,
                        (String) name, template, "template '" + name + "'"));
                asMap(asMap(top.get(HOST)).get(DROP_INS)).forEach((unit, files) -> {
                    Object merged = dropIns.computeIfAbsent((String) unit, u -> new LinkedHashMap<String, Object>());
                    if (!(files instanceof Map<?, ?>) || !(merged instanceof Map<?, ?>)) {
                        dropIns.put((String) unit, files); // only the config's own can be so; the schema reports it
                        return;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> into = (Map<String, Object>) merged;
                    asMap(files).forEach((file, dropIn) -> merge.define(document, into, unitPointer(unit), (String) file,
                            dropIn, "drop-in '" + unit + "/" + file + "'"));
                });
            }
            if (templatesMerge && !templates.isEmpty()) {
                root.put(TEMPLATES, templates);
            }
            if (dropInsMerge && !dropIns.isEmpty()) {
                Map<String, Object> host = copy(asMap(ownHost));
                host.put(DROP_INS, dropIns);
                root.put(HOST, host);
            }
            return new Document(config.source(), root, config.sourceMap().withParts(merge.parts));
        }

        private static String unitPointer(Object unit) {
            return JsonPointer.child("/" + HOST + "/" + DROP_INS, (String) unit);
        }

        /** A named definition; a name defined before is an error here, with where it was first defined. */
        private void define(Document document, Map<String, Object> into, String parent, String name, Object value,
                            String what) {
            String pointer = JsonPointer.child(parent, name);
            Position here = document.sourceMap().locate(pointer, true);
            Position first = definedAt.putIfAbsent(pointer, here);
            if (first != null) {
                diagnostics.add(Diagnostic.of(Code.R004, pointer, what + " is defined twice: here and at " + first,
                        "keep one of them, or rename this one").at(here));
                return;
            }
            into.put(name, value);
            parts.put(pointer, document.sourceMap());
        }

        private static Map<String, Object> copy(Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put((String) key, value));
            return copy;
        }

        private static Map<?, ?> asMap(Object value) {
            return value instanceof Map<?, ?> map ? map : Map.of();
        }
    }
}
