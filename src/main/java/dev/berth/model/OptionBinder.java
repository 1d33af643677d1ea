package dev.berth.model;

import dev.berth.option.Option;
import dev.berth.option.OptionValues;
import dev.berth.option.Options;
import dev.berth.option.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Binds the table's options of one config object. */
final class OptionBinder {
    private OptionBinder() {
    }

    static OptionValues bind(Obj o, Place place) {
        return bind(o, place, key -> o.path() + "/" + key);
    }

    /** @param pathOf the config path a key was written at (a container's keys may come from its template) */
    static OptionValues bind(Obj o, Place place, UnaryOperator<String> pathOf) {
        List<OptionValues.Bound> values = new ArrayList<>();
        for (Option option : Options.at(place)) {
            Object raw = lookup(o.map(), option.key());
            if (raw != null) {
                values.add(new OptionValues.Bound(option, option.kind().read(raw), pathOf.apply(option.key())));
            }
        }
        return values.isEmpty() ? OptionValues.NONE : new OptionValues(values);
    }

    /** The value at a key, {@code a/b} being key b of the mapping at key a. */
    private static Object lookup(Map<String, Object> map, String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return map.get(key);
        }
        return map.get(key.substring(0, slash)) instanceof Map<?, ?> inner
                ? lookup(Obj.of(inner, "").map(), key.substring(slash + 1)) : null;
    }
}
