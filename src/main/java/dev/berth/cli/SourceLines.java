package dev.berth.cli;

import dev.berth.diag.Diagnostics;
import dev.berth.load.Source;
import dev.berth.load.SourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lines a diagnostic's excerpt shows: from the configs the run read, or from a file they import, read when a
 * diagnostic first points into it.
 */
final class SourceLines {
    private final Map<String, Optional<Source>> sources = new HashMap<>();

    SourceLines(List<Source> read) {
        read.forEach(source -> sources.putIfAbsent(source.name(), Optional.of(source)));
    }

    String line(String file, int line) {
        return sources.computeIfAbsent(file, SourceLines::imported).map(source -> source.line(line)).orElse("");
    }

    private static Optional<Source> imported(String file) {
        Path path = Path.of(file);
        return Files.isRegularFile(path)
                ? SourceReader.read(path, file, ConfigFile.MAX_BYTES, new Diagnostics()) : Optional.empty();
    }
}
