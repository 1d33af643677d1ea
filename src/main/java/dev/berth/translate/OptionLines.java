package dev.berth.translate;

import dev.berth.option.Option;
import dev.berth.option.OptionValues;
import dev.berth.unit.UnitFile;

/** The lines of the table's options, in the table's order; deprecated keys under today's directive, saying so. */
final class OptionLines {
    private OptionLines() {
    }

    /** @param ownSection the section named after the unit's type, where limits go */
    static void add(UnitFile.Builder unit, OptionValues values, String ownSection) {
        for (OptionValues.Bound set : values.values()) {
            Option option = set.option();
            String section = option.section(ownSection);
            if (option.conversion().isPresent()) {
                Option.Conversion conversion = option.conversion().get();
                unit.add(section, option.directive(), option.kind().encode(conversion.value().apply(set.value())),
                        String.format(conversion.why(), set.value()));
            } else {
                unit.add(section, option.directive(), option.kind().encode(set.value()));
            }
        }
    }
}
