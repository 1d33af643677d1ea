package dev.berth;

import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.parallel.Parallel;
import dev.berth.probe.ProbeTarget;
import dev.berth.render.Renderer;
import dev.berth.translate.Note;
import dev.berth.translate.PlacedUnit;
import dev.berth.translate.Translator;
import dev.berth.translate.UnitSet;
import dev.berth.tree.FileNode;
import dev.berth.tree.FileTree;
import dev.berth.tree.TreeWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * A checked config compiled straight into a directory ({@code berth compile -o}): each container is translated,
 * rendered and written in one go, a few containers per task on several threads, and then forgotten. The tree
 * {@link Berth#compile} builds holds every file's text until the end; at ten thousand containers the collector
 * copied those hundred megabytes again and again, a third of the time after the checks. The entries written are
 * the tree's: the same translator and renderer make them, and a test compares the two.
 */
final class DirectoryExport {
    /** Containers per task: few, so that what a task made is garbage by the next collection. */
    private static final int CHUNK = 16;

    private final Config config;
    private final TreeWriter.Export export;
    private final Translator translator = new Translator();
    private final Renderer renderer = new Renderer();
    /**
     * The paths written outside the guests' roots, to refuse a second entry for one as the tree does (the checks
     * must make that impossible). A path in a guest's root is checked against that container's alone: the checks
     * keep roots apart (never the same, never one inside another, never a host's system directory), and holding
     * every path to the end would cost as much as the tree this export does without.
     */
    private final Set<String> hostPaths = ConcurrentHashMap.newKeySet();
    private final LongAdder count = new LongAdder();
    private final AtomicBoolean failed = new AtomicBoolean();

    private DirectoryExport(Config config, TreeWriter.Export export) {
        this.config = config;
        this.export = export;
    }

    /** Writes the config's tree below {@code outDir}; returns how many entries it has. */
    static long write(Config config, Path outDir) throws IOException {
        return new DirectoryExport(config, TreeWriter.open(outDir)).write();
    }

    private long write() throws IOException {
        List<Container> containers = config.containers();
        Translator.Translated[] translated = new Translator.Translated[containers.size()];
        // a task stops at its first failure, the others at their next container; the failure reported is the one
        // of the earliest task that failed
        IOException[] failures = new IOException[(containers.size() + CHUNK - 1) / CHUNK];
        IntStream tasks = IntStream.range(0, failures.length);
        boolean parallel = Parallel.pays(containers.size());
        (parallel ? tasks.parallel() : tasks).forEach(task -> {
            try {
                for (int i = task * CHUNK; i < Math.min(containers.size(), (task + 1) * CHUNK) && !failed.get(); i++) {
                    translated[i] = container(containers.get(i));
                }
            } catch (UncheckedIOException e) {
                failures[task] = e.getCause();
                failed.set(true);
            }
        });
        for (IOException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        try {
            for (PlacedUnit dropIn : translator.hostDropIns(config)) {
                renderer.unit(config.sourceName(), dropIn, this::entry);
            }
            List<List<Note>> notes = new ArrayList<>(translated.length);
            List<ProbeTarget> probes = new ArrayList<>();
            for (Translator.Translated t : translated) {
                notes.add(t.notes());
                probes.addAll(t.probes());
            }
            renderer.notes(config.sourceName(), translator.notes(config, notes), this::entry);
            renderer.probes(probes, this::entry);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return count.sum();
    }

    /**
     * Writes one container's entries; returns what it translated to, whose notes and probes go into one file each at
     * the end (its units are garbage once written).
     */
    private Translator.Translated container(Container container) {
        Translator.Translated translated = translator.translate(container);
        String guest = container.root().substring(1) + "/";
        Set<String> guestPaths = new HashSet<>();
        BiConsumer<String, FileNode> out = (path, node) -> entry(path, node, path.startsWith(guest) ? guestPaths : hostPaths);
        for (PlacedUnit unit : translated.units()) {
            renderer.unit(config.sourceName(), unit, out);
        }
        for (UnitSet.Link link : translated.links()) {
            renderer.link(link, out);
        }
        return new Translator.Translated(List.of(), List.of(), translated.notes(), translated.probes());
    }

    /** An entry outside every guest's root. */
    private void entry(String path, FileNode node) {
        entry(path, node, hostPaths);
    }

    private void entry(String path, FileNode node, Set<String> written) {
        FileTree.requireRelative(path);
        if (!written.add(path)) {
            throw new IllegalStateException(path + " generated twice");
        }
        try {
            export.write(path, node);
            count.increment();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
