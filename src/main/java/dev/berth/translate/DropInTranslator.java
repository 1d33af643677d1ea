package dev.berth.translate;

import dev.berth.model.DropIn;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;

/** {@code UNIT.d/NAME.conf}: only the settings the drop-in changes. */
final class DropInTranslator {
    PlacedUnit translate(String unitDirectory, DropIn d) {
        String type = d.unit().substring(d.unit().lastIndexOf('.') + 1);
        String section = Character.toUpperCase(type.charAt(0)) + type.substring(1);
        UnitFile.Builder unit = UnitFile.builder(d.fileName(), UnitKind.DROPIN, d.path());
        OptionLines.add(unit, d.options(), section);
        ExecLines.add(unit, d.exec());
        d.limits().ifPresent(l -> OptionLines.add(unit, l.options(), section));
        SettingLines.add(unit, d.settings());
        return new PlacedUnit(unitDirectory + "/" + d.unit() + ".d", unit.build());
    }
}
