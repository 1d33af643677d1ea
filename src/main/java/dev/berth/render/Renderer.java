package dev.berth.render;

import dev.berth.parallel.Parallel;
import dev.berth.preload.Preloaded;
import dev.berth.probe.ProbeFile;
import dev.berth.probe.ProbeTarget;
import dev.berth.translate.Note;
import dev.berth.translate.PlacedUnit;
import dev.berth.translate.UnitSet;
import dev.berth.tree.FileNode;
import dev.berth.tree.FileTree;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * Units to files: each unit through the one unit writer, then the enablement symlinks that
 * {@code systemctl enable} would create, then the notes through their template.
 */
public final class Renderer {
    /** Where the notes go on the host. */
    public static final String NOTES_PATH = "var/lib/berth/NOTES.md";
    private static final int FILE_MODE = 0644;

    private static final String LOGGER_LIBRARY = "org.freemarker.loggerLibrary";
    /**
     * The notes' template, parsed once per process and shared: a parsed FreeMarker template is safe to run from
     * several threads, and loading FreeMarker and parsing the template is a noticeable part of a small compile.
     */
    private static final Preloaded<Template> NOTES_TEMPLATE = new Preloaded<>("notes", Renderer::configure);

    private static Template configure() throws IOException {
        // FreeMarker logs through java.util.logging unless told otherwise, and starting that logging system is a
        // good part of its start-up; berth rethrows every template error and has nothing for it to log
        if (System.getProperty(LOGGER_LIBRARY) == null) {
            System.setProperty(LOGGER_LIBRARY, "none");
        }
        Configuration freemarker = new Configuration(Configuration.VERSION_2_3_35);
        freemarker.setClassForTemplateLoading(Renderer.class, "/dev/berth/render");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setLocalizedLookup(false);
        // the template is part of the jar: never look for a newer version of it
        freemarker.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        Template notes = template(freemarker, "notes.ftl");
        // run it once on a small note: what is slow the first time (FreeMarker's own classes) then happens here,
        // on the preloading thread
        apply(notes, new NotesView(List.of("preload"), "preload",
                List.of(new NotesView.Group("preload", List.of(new Note("preload", "text", List.of("command"), ""))))).model());
        return notes;
    }

    private static Template template(Configuration freemarker, String name) throws IOException {
        try {
            return freemarker.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new UncheckedIOException("template " + name + " is missing from the build", e);
        }
    }

    /** Starts loading the template engine and parsing the notes' template on another thread. */
    public static void preload() {
        NOTES_TEMPLATE.start();
    }

    public FileTree render(UnitSet units) {
        List<PlacedUnit> placed = units.units();
        String[] texts = new String[placed.size()];
        String notes;
        if (!Parallel.pays(placed.size())) {
            for (int i = 0; i < texts.length; i++) {
                texts[i] = UnitWriter.text(units.sourceName(), placed.get(i).unit());
            }
            notes = notesText(units.sourceName(), units.notes());
        } else {
            // the notes are one long file: rendered beside the units, not after them
            CompletableFuture<String> notesText = CompletableFuture.supplyAsync(
                    () -> notesText(units.sourceName(), units.notes()));
            IntStream.range(0, texts.length).parallel()
                    .forEach(i -> texts[i] = UnitWriter.text(units.sourceName(), placed.get(i).unit()));
            notes = join(notesText);
        }
        FileTree.Builder tree = FileTree.builder();
        for (int i = 0; i < texts.length; i++) {
            place(placed.get(i), texts[i], tree::put);
        }
        for (UnitSet.Link link : units.links()) {
            link(link, tree::put);
        }
        tree.put(NOTES_PATH, notesFile(notes));
        probes(units.probes(), tree::put);
        return tree.build();
    }

    /**
     * One unit's entries, for a tree written as it is rendered: its file and the enablement links
     * {@code systemctl enable} would make for it.
     */
    public void unit(String sourceName, PlacedUnit placed, BiConsumer<String, FileNode> out) {
        place(placed, UnitWriter.text(sourceName, placed.unit()), out);
    }

    /** A link that is not a unit's enablement (a masked unit, a packaged unit enabled). */
    public void link(UnitSet.Link link, BiConsumer<String, FileNode> out) {
        out.accept(link.path(), new FileNode.Symlink(link.target(), link.origin()));
    }

    /** The notes file, of all the notes in their order. */
    public void notes(String sourceName, List<Note> notes, BiConsumer<String, FileNode> out) {
        out.accept(NOTES_PATH, notesFile(notesText(sourceName, notes)));
    }

    /** The probes file, when any port declares a probe: what apply probes reads the installed copy. */
    public void probes(List<ProbeTarget> probes, BiConsumer<String, FileNode> out) {
        if (!probes.isEmpty()) {
            out.accept(ProbeFile.PATH, new FileNode.RegularFile(ProbeFile.write(probes), FILE_MODE, "/"));
        }
    }

    private static void place(PlacedUnit placed, String text, BiConsumer<String, FileNode> out) {
        UnitFile unit = placed.unit();
        out.accept(placed.path(), new FileNode.RegularFile(text, FILE_MODE, unit.origin()));
        boolean enablable = unit.kind() == UnitKind.SERVICE || unit.kind() == UnitKind.SOCKET;
        for (String target : enablable ? unit.values("Install", "WantedBy") : List.<String>of()) {
            out.accept(placed.directory() + "/" + target + ".wants/" + unit.fileName(),
                    new FileNode.Symlink("../" + unit.fileName(), unit.origin()));
        }
    }

    private static FileNode notesFile(String text) {
        return new FileNode.RegularFile(text, FILE_MODE, "/");
    }

    private static String notesText(String sourceName, List<Note> notes) {
        return apply(NOTES_TEMPLATE.get(), notesView(sourceName, notes).model());
    }

    private static String join(CompletableFuture<String> text) {
        try {
            return text.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static NotesView notesView(String sourceName, List<Note> notes) {
        Map<String, List<Note>> groups = new LinkedHashMap<>();
        for (Note n : notes) {
            groups.computeIfAbsent(n.heading(), h -> new ArrayList<>()).add(n);
        }
        List<NotesView.Group> list = new ArrayList<>();
        groups.forEach((heading, grouped) -> list.add(new NotesView.Group(heading, grouped)));
        return new NotesView(Header.lines(sourceName, "/"), Header.clean(sourceName), list);
    }

    private static String apply(Template template, TemplateModel model) {
        TextWriter out = new TextWriter();
        try {
            template.process(Models.hash(key -> "notes".equals(key) ? model : null), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a TextWriter never throws it
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + template.getName() + " failed: " + e.getMessage(), e);
        }
    }
}
