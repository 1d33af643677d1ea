package dev.berth.check;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.option.OptionValues;
import dev.berth.unit.Value;
import dev.berth.unit.ValueRules;

/** The values of the table's options: each must be one its encoder can write. */
final class OptionChecks {
    private OptionChecks() {
    }

    static void check(OptionValues values, Diagnostics diagnostics) {
        for (OptionValues.Bound set : values.values()) {
            String path = set.path();
            switch (set.option().kind()) {
                case WORD -> Values.report(ValueRules.word((String) set.value()), path, diagnostics);
                case PATH -> {
                    // '~' is the user's home, where the directive takes it (WorkingDirectory=)
                    if (!set.value().equals("~")) {
                        PathChecks.safe((String) set.value(), path, diagnostics);
                    }
                }
                case DURATION -> form(Value.isDuration((String) set.value()), set, "a time span such as 90s, 1min 30s or 2h",
                        diagnostics);
                case TIMEOUT -> form(Value.isTimeout((String) set.value()), set, "a time span such as 90s, 1min 30s or 2h, "
                        + "or infinity for no timeout", diagnostics);
                case QUANTITY -> form(Value.isQuantity((String) set.value()), set, "a size such as 512M, a percentage such as 50%, "
                        + "a number, or infinity", diagnostics);
                case MODE -> form(Value.isMode((String) set.value()), set, "an octal file mode such as 0660", diagnostics);
                case BOOLEAN, INTEGER -> {
                    // the schema has checked the type and range; their text is always encodable
                }
            }
        }
    }

    private static void form(boolean valid, OptionValues.Bound set, String takes, Diagnostics diagnostics) {
        if (!valid) {
            diagnostics.error(Code.V006, set.path(), "'" + set.value() + "' cannot be written as " + set.option().directive() + "=",
                    set.option().key() + " takes " + takes);
        }
    }
}
