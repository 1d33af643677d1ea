package dev.berth.model;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.load.Document;
import dev.berth.schema.DidYouMean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a schema-valid document into records: expands templates and applies defaults, in this one
 * place. Reports only what binding itself needs (a template that does not exist).
 */
public final class ConfigBinder {
    /** Keys whose entries a container merges with its template's by name, instead of replacing them. */
    private static final List<String> MERGED_BY_NAME = List.of("ports", "services", "drop-ins");

    private ConfigBinder() {
    }

    public static Config bind(Document document, Diagnostics diagnostics) {
        Obj root = Obj.of(document.root(), "");
        Map<String, Obj> templates = root.entries("templates");
        List<Container> containers = new ArrayList<>();
        root.entries("containers").forEach((name, own) -> {
            Optional<Obj> template = own.string("template").flatMap(t -> {
                Obj found = templates.get(t);
                if (found == null) {
                    diagnostics.error(Code.R001, own.keyPath("template"), "there is no template '" + t + "'",
                            DidYouMean.closest(t, templates.keySet()).map(k -> "did you mean '" + k + "'?")
                                    .orElse(templates.isEmpty() ? "define it under /templates" : "known templates: "
                                            + String.join(", ", templates.keySet())));
                }
                return Optional.ofNullable(found);
            });
            containers.add(ContainerBinder.bind(name, own, template));
        });
        List<DropIn> hostDropIns = DropInBinder.bind(root.obj("host").entries("drop-ins"));
        int target = (int) root.number("systemd").orElse(dev.berth.unit.Directives.NEWEST);
        return new Config(document.source().baseName(), target, containers, hostDropIns);
    }

    /**
     * A container's own keys over its template's. Entries of ports, services and drop-ins are merged
     * by name; every other key is taken whole from whichever of the two sets it.
     */
    static Merged merge(Obj own, Optional<Obj> template) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> origins = new HashMap<>();
        Map<String, Map<String, Obj>> entries = new HashMap<>();
        template.ifPresent(t -> t.map().forEach((key, value) -> {
            values.put(key, value);
            origins.put(key, t.path());
        }));
        for (String key : MERGED_BY_NAME) {
            Map<String, Obj> merged = new LinkedHashMap<>();
            template.ifPresent(t -> merged.putAll(t.entries(key)));
            merged.putAll(own.entries(key));
            entries.put(key, merged);
        }
        own.map().forEach((key, value) -> {
            values.put(key, value);
            origins.remove(key);
        });
        return new Merged(new Obj(values, own.path()), origins, entries);
    }

    /** A container after merging: its values, where template-set keys come from, and merged entries. */
    record Merged(Obj values, Map<String, String> origins, Map<String, Map<String, Obj>> entries) {
        /** A sub-object read at the path it was written at (in the template or the container). */
        Obj obj(String key) {
            return Obj.of(values.map().get(key), origins.getOrDefault(key, values.path()) + "/" + key);
        }
    }
}
