package dev.berth.apply;

import dev.berth.plan.Observation;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@value Generations#DIR} down to what the record lists: a directory for each recorded generation that keeps
 * a content, holding exactly those contents. A generation that replaced nothing has no directory.
 *
 * <p>Anything else there is left by a generation no longer kept, or by an apply cut off before it recorded what it
 * kept (it stopped before changing a file, so the next apply keeps those contents again). Removing it is therefore
 * safe whenever no apply is keeping contents: after a generation's record, and after an apply that is none. A removal
 * cut off midway leaves files or an empty directory the record does not list, which the next apply removes.
 */
final class GenerationDirectories {
    private GenerationDirectories() {
    }

    /**
     * Removes from {@value Generations#DIR} every content and directory the record does not list. Names that are no
     * generation's number, and entries that are not directories, are not berth's to remove and stay.
     */
    static void prune(List<Generations.Generation> recorded, RootFileSystem files) throws IOException {
        Map<String, Set<String>> kept = new HashMap<>();
        for (Generations.Generation g : recorded) {
            kept.put(Integer.toString(g.number()), Set.copyOf(g.kept()));
        }
        for (String name : files.list(Generations.DIR)) {
            String directory = Generations.DIR + "/" + name;
            if (!isNumber(name) || !(files.look(directory) instanceof Observation.Directory)) {
                continue;
            }
            Set<String> wanted = kept.getOrDefault(name, Set.of());
            boolean keepsSome = false;
            for (String entry : files.list(directory)) {
                if (wanted.contains(entry)) {
                    keepsSome = true;
                } else {
                    remove(directory + "/" + entry, files);
                }
            }
            if (!keepsSome) {
                files.deleteDirectory(directory);
            }
        }
    }

    /** Removes a file or link; the failure names the path whole (the file system's names only the entry). */
    private static void remove(String path, RootFileSystem files) throws IOException {
        try {
            files.delete(path);
        } catch (FileSystemException e) {
            throw new IOException(path + ": " + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason())
                    + " (berth removes only the files it kept there)", e);
        }
    }

    /** Whether the name is one {@link Generations#kept} gives a generation's directory: a number from 1. */
    private static boolean isNumber(String name) {
        if (name.isEmpty() || name.charAt(0) == '0') {
            return false;
        }
        return name.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
