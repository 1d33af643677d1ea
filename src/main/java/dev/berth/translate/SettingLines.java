package dev.berth.translate;

import dev.berth.model.Settings;
import dev.berth.unit.UnitFile;
import dev.berth.unit.Value;

/** The escape hatch's lines, encoded like every other value; an empty list is an explicit reset. */
final class SettingLines {
    private SettingLines() {
    }

    static void add(UnitFile.Builder unit, Settings settings) {
        for (Settings.Setting s : settings.entries()) {
            if (s.values().isEmpty()) {
                unit.add(s.section(), s.key(), Value.reset());
            } else if (s.isCommand()) {
                unit.add(s.section(), s.key(), Value.exec("", s.values()));
            } else {
                s.values().forEach(v -> unit.add(s.section(), s.key(), Value.text(v)));
            }
        }
    }
}
