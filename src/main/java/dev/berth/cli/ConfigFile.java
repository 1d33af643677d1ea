package dev.berth.cli;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.Diagnostics;
import dev.berth.load.Source;
import dev.berth.load.SourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the config named on the command line. */
final class ConfigFile {
    /** Far above any real config; keeps a mistaken 2 GB argument from being read into memory. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private ConfigFile() {
    }

    static Optional<Source> read(Path file, Diagnostics diagnostics) {
        if (Files.isDirectory(file)) {
            // a directory has no line to point at: the diagnostic names it and carries no position
            String dir = file.toString().replaceAll("/+$", "");
            diagnostics.add(Diagnostic.error(Code.Y006, "", file + " is a directory, not a config file",
                    "name a file in it; berth validate also takes a pattern (quoted): '" + dir + "/*.yaml', or '" + dir
                            + "/**/*.yaml' for the files in its subdirectories too"));
            return Optional.empty();
        }
        return SourceReader.read(file, file.toString(), MAX_BYTES, diagnostics);
    }
}
