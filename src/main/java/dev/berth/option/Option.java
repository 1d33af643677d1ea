package dev.berth.option;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One option of the config that becomes one line of a unit: its key, where it may be written, what its value is,
 * and the directive it sets. Everything else about the option (binding, checks, the line, the directives the
 * escape hatch may not set, the systemd version it needs) is derived from this entry.
 *
 * @param key        the YAML key, {@code a/b} for a key of a nested mapping ({@code trigger-limit/interval})
 * @param places     the config objects that accept it
 * @param section    the unit section it goes to; {@link #OWN_SECTION} for the section of the unit's type (limits)
 * @param conversion for deprecated keys: how their value becomes the directive's, and the comment saying so
 */
public record Option(String key, Set<Place> places, ValueKind kind, String section, String directive,
                     Optional<Conversion> conversion) {
    /** The section named after the unit's type: [Service] of a service, [Socket] of a socket. */
    public static final String OWN_SECTION = "";

    public Option {
        places = Set.copyOf(places);
    }

    /** The section this option's line goes to in a unit whose own section is {@code ownSection}. */
    public String section(String ownSection) {
        return section.equals(OWN_SECTION) ? ownSection : section;
    }

    /**
     * A deprecated key written under today's directive.
     *
     * @param why a comment for the line, {@code %s} standing for the value as given
     */
    public record Conversion(Function<Object, Object> value, String why) {
    }
}
