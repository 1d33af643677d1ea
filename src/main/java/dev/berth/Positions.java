package dev.berth;

import dev.berth.diag.Diagnostics;
import dev.berth.load.Document;

/** Fills in file:line:col from the source map, for every diagnostic that has none yet. */
final class Positions {
    private Positions() {
    }

    static void attach(Diagnostics diagnostics, Document document) {
        diagnostics.replaceAll(d -> d.position().isPresent() ? d
                : d.at(document.sourceMap().locate(d.path(), d.code().pointsAtKey())));
    }
}
