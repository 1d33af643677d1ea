package dev.berth.option;

import java.util.List;
import java.util.Optional;

/** The options set on one config object, in the table's order, each with the config path it was written at. */
public record OptionValues(List<Bound> values) {
    public static final OptionValues NONE = new OptionValues(List.of());

    public OptionValues {
        values = List.copyOf(values);
    }

    /** One option and its value: a Boolean, a Long or a String, as {@link ValueKind#read} made it. */
    public record Bound(Option option, Object value, String path) {
    }

    public Optional<Object> get(Option option) {
        for (Bound s : values) {
            if (s.option() == option) {
                return Optional.of(s.value());
            }
        }
        return Optional.empty();
    }

    public boolean has(Option option) {
        return get(option).isPresent();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
