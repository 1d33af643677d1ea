package dev.berth.model;

import dev.berth.load.JsonPointer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A mapping of the loaded document with its config path: typed reads for the binder. The schema
 * has checked every type before binding, so a failing cast is a bug in the schema, not user error.
 */
record Obj(Map<String, Object> map, String path) {
    @SuppressWarnings("unchecked")
    static Obj of(Object value, String path) {
        return new Obj(value == null ? Map.of() : (Map<String, Object>) value, path);
    }

    Obj obj(String key) {
        return of(map.get(key), keyPath(key));
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    String keyPath(String key) {
        return JsonPointer.child(path, key);
    }

    Optional<String> string(String key) {
        Object v = map.get(key);
        return v == null ? Optional.empty() : Optional.of(scalar(v));
    }

    Optional<Boolean> bool(String key) {
        return Optional.ofNullable((Boolean) map.get(key));
    }

    OptionalLong number(String key) {
        Object v = map.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(((Number) v).longValue());
    }

    List<String> strings(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            return List.of(scalar(v));
        }
        List<String> out = new ArrayList<>(list.size());
        list.forEach(item -> out.add(scalar(item)));
        return out;
    }

    /** The entries of a mapping of mappings (ports, services...), each with its own path. */
    Map<String, Obj> entries(String key) {
        Map<String, Obj> out = new LinkedHashMap<>();
        Obj inner = obj(key);
        inner.map.forEach((name, value) -> out.put(name, of(value, inner.keyPath(name))));
        return out;
    }

    /** YAML booleans become systemd's yes/no; numbers their decimal text. */
    static String scalar(Object v) {
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return String.valueOf(v);
    }
}
