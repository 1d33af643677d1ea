package dev.berth.unit;

import java.util.Optional;
import java.util.regex.Pattern;

/** systemd-nspawn's machine name rules (hostname-like); berth also uses the name for host units. */
public final class MachineName {
    private static final Pattern LABELS = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private MachineName() {
    }

    public static Optional<String> problem(String name) {
        if (name.length() > 64) {
            return Optional.of("'" + name + "' is longer than 64 characters");
        }
        if (!LABELS.matcher(name).matches()) {
            return Optional.of("'" + name + "' must be dot-separated labels of letters, digits and '-', "
                    + "neither starting nor ending with '-' or '.'");
        }
        return Optional.empty();
    }
}
