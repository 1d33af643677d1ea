package dev.berth.diag;

/** Where a diagnostic of a code points in the file. */
public enum Anchor {
    /** At the key: names, unknown or duplicate keys, directives. */
    AT_KEY,
    /** At the value the key holds (the whole document for findings without a path). */
    AT_VALUE
}
