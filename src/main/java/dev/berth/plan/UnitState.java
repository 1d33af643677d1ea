package dev.berth.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What systemd says of one unit: the properties {@code systemctl show} printed for it, each with every value it
 * printed (a socket prints one {@code Listen=} line per address).
 *
 * @param unit       the name berth asked about
 * @param properties property name to its values, in the order printed
 */
public record UnitState(String unit, Map<String, List<String>> properties) {
    /** What a query answers for a unit it could not ask about: nothing known, so nothing runs. */
    public static UnitState unknown(String unit) {
        return new UnitState(unit, Map.of());
    }

    public UnitState {
        properties = Map.copyOf(properties);
    }

    /** The property's first value, empty when systemd printed none or an empty one. */
    public Optional<String> get(String property) {
        List<String> values = properties.getOrDefault(property, List.of());
        return values.isEmpty() || values.get(0).isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> all(String property) {
        return properties.getOrDefault(property, List.of());
    }

    /** What {@code systemctl is-active} calls active: running or reloading. */
    public boolean active() {
        String state = activeState();
        return state.equals("active") || state.equals("reloading");
    }

    /** {@code active}, {@code inactive}, {@code failed}, …; {@code unknown} when systemd did not say. */
    public String activeState() {
        return get("ActiveState").orElse("unknown");
    }

    /** {@code listening}, {@code running}, {@code dead}, …; empty when systemd did not say. */
    public String subState() {
        return get("SubState").orElse("");
    }

    /** {@code loaded}, {@code not-found}, {@code masked}, …; {@code unknown} when systemd did not say. */
    public String loadState() {
        return get("LoadState").orElse("unknown");
    }

    /** A number systemd printed, empty when unset: {@code [not set]} or 2^64-1, systemd's "infinity". */
    public OptionalLong number(String property) {
        Optional<String> value = get(property);
        if (value.isEmpty() || value.get().equals("18446744073709551615")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.get()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
