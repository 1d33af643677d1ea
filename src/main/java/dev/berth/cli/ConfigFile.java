package dev.berth.cli;

import dev.berth.diag.Diagnostics;
import dev.berth.load.Source;
import dev.berth.load.SourceReader;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the config named on the command line. */
final class ConfigFile {
    /** Far above any real config; keeps a mistaken 2 GB argument from being read into memory. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private ConfigFile() {
    }

    static Optional<Source> read(Path file, Diagnostics diagnostics) {
        return SourceReader.read(file, file.toString(), MAX_BYTES, diagnostics);
    }
}
