package dev.berth.load;

import org.snakeyaml.engine.v2.api.LoadSettings;

/** How berth has the YAML parser read a file: within the loader's limits, leaving what it reports to berth. */
final class ParserSettings {
    private ParserSettings() {
    }

    /**
     * @param marks whether the parser records where each token and event stands: the fast way's first pass, which
     *              makes no positions, goes without (a large config has millions of them to allocate and collect)
     */
    static LoadSettings of(Source source, LoaderLimits limits, boolean marks) {
        return LoadSettings.builder()
                .setLabel(source.name())
                .setAllowDuplicateKeys(true) // reported by the walker, with both positions, instead of a parser exception
                .setAllowRecursiveKeys(false)
                // non-scalar keys reach the walker, which reports them (Y005) at their position instead of the
                // composer refusing the whole file without one; nothing is ever constructed from them
                .setAllowNonScalarKeys(true)
                .setMaxAliasesForCollections(limits.maxAliases())
                .setCodePointLimit(limits.maxCodePoints())
                .setUseMarks(marks)
                .build();
    }
}
