package dev.berth.check;

import dev.berth.check.suggest.CommandWords;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.model.Settings;
import dev.berth.model.Settings.Setting;
import dev.berth.diag.Diagnostic;
import dev.berth.unit.Directives;
import dev.berth.unit.ValueRules;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** The escape hatch: sections valid for the unit, no directive berth models, commands as lists, safe values. */
final class SettingsChecks {
    private SettingsChecks() {
    }

    /** Unknown, deprecated and too new directives, in the sections berth knows every directive of. */
    private static void directives(Setting s, String path, int target, Diagnostics diagnostics) {
        if (!Directives.SECTIONS.contains(s.section())) {
            return;
        }
        String value = s.values().isEmpty() ? "" : s.values().get(0);
        for (Directives.Problem p : Directives.check(s.section(), s.key(), value, target)) {
            diagnostics.add(new Diagnostic(p.code().severity(), p.code(), path, java.util.Optional.empty(), p.summary(), p.hint()));
        }
    }

    /**
     * @param sections  the sections the unit type has (X- sections are always allowed)
     * @param modelled  the config key to use instead of a directive, if there is one
     */
    static void check(Settings settings, Set<String> sections, BiFunction<String, String, Optional<String>> modelled,
                      int target, Diagnostics diagnostics) {
        for (Setting s : settings.entries()) {
            String path = s.path(settings);
            if (!sections.contains(s.section()) && !s.section().startsWith("X-")) {
                diagnostics.error(Code.H002, settings.path() + "/" + s.section(), "this unit has no [" + s.section() + "] section",
                        "use one of: " + String.join(", ", sections.stream().sorted().toList()));
                continue;
            }
            Optional<String> key = modelled.apply(s.section(), s.key());
            if (key.isPresent()) {
                diagnostics.error(Code.H001, path, s.key() + "= is written by berth from '" + key.get() + "'",
                        "set '" + key.get() + "' instead of " + s.section() + "." + s.key());
                continue;
            }
            if (s.isCommand()) {
                if (!s.list()) {
                    diagnostics.error(Code.H003, path, s.key() + " takes the command as a list of words",
                            s.values().isEmpty() || s.values().get(0).isBlank()
                                    ? "write " + s.key() + ": [/usr/bin/program, arg1, arg2], or [] to reset it"
                                    : CommandWords.listHint(s.key(), s.values().get(0)));
                } else {
                    CommandChecks.check(s.values(), s.key(), path, diagnostics);
                }
                directives(s, path, target, diagnostics);
                continue;
            }
            for (int i = 0; i < s.values().size(); i++) {
                Values.report(ValueRules.plain(s.values().get(i)), s.list() ? path + "/" + i : path, diagnostics);
            }
            directives(s, path, target, diagnostics);
        }
    }
}
