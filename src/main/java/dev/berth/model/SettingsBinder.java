package dev.berth.model;

import java.util.ArrayList;
import java.util.List;

/** Binds the escape hatch {@code settings: {Section: {Key: value}}}. */
final class SettingsBinder {
    private SettingsBinder() {
    }

    static Settings bind(Obj settings) {
        List<Settings.Setting> entries = new ArrayList<>();
        settings.map().forEach((section, keys) -> Obj.of(keys, settings.keyPath(section)).map().forEach((key, value) ->
                entries.add(new Settings.Setting(section, key, Obj.of(keys, "").strings(key), value instanceof List))));
        return new Settings(settings.path(), entries);
    }
}
