package dev.berth.model;

import dev.berth.option.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Binds drop-ins: unit name, then file name, then its settings. */
final class DropInBinder {
    private DropInBinder() {
    }

    static List<DropIn> bind(Map<String, Obj> byUnit) {
        List<DropIn> dropIns = new ArrayList<>();
        byUnit.forEach((unit, files) -> files.map().forEach((file, value) -> {
            Obj d = Obj.of(value, files.keyPath(file));
            dropIns.add(new DropIn(unit, file, d.path(), LimitsBinder.bind(d.obj("limits"), d.has("limits")),
                    ExecBinder.bind(d, Map.of()), OptionBinder.bind(d, Place.DROP_IN), SettingsBinder.bind(d.obj("settings"))));
        }));
        return dropIns;
    }
}
