package dev.berth.cli;

import dev.berth.plan.SavedPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Saved plans as files: written whole or not at all, and told apart from configs by their first bytes. */
final class SavedPlans {
    private SavedPlans() {
    }

    /** Whether the file is a saved plan rather than a config; false when it cannot be read (the config's reader says why). */
    static boolean isSaved(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SavedPlan.looksSaved(in.readNBytes(256));
        } catch (IOException e) {
            return false;
        }
    }

    /** Replaces {@code file} in one rename, so that it holds the old plan or the new one, never a part. */
    static void write(SavedPlan saved, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".berth-tmp");
        try {
            Files.writeString(temporary, saved.toJson(), StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static SavedPlan read(Path file) throws IOException, SavedPlan.Invalid {
        if (Files.size(file) > SavedPlan.MAX_BYTES) {
            throw new SavedPlan.Invalid("it is larger than any plan berth writes");
        }
        return SavedPlan.parse(Files.readAllBytes(file));
    }
}
