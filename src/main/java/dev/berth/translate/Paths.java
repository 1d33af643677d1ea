package dev.berth.translate;

import dev.berth.model.Container;

/** Where units go, relative to the host root. */
final class Paths {
    static final String HOST_UNITS = "etc/systemd/system";
    static final String GUEST_UNITS = "etc/systemd/system";

    private Paths() {
    }

    static String guestUnits(Container container) {
        return container.root().substring(1) + "/" + GUEST_UNITS;
    }
}
