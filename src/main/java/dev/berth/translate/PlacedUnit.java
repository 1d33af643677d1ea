package dev.berth.translate;

import dev.berth.unit.UnitFile;

/**
 * A unit and the directory it goes to, relative to the host's root.
 *
 * @param directory e.g. {@code etc/systemd/system} on the host or {@code srv/mycontainer/etc/systemd/system} in a guest
 */
public record PlacedUnit(String directory, UnitFile unit) {
    public String path() {
        return directory + "/" + unit.fileName();
    }
}
