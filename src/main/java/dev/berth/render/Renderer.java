package dev.berth.render;

import dev.berth.translate.Note;
import dev.berth.translate.PlacedUnit;
import dev.berth.translate.UnitSet;
import dev.berth.tree.FileNode;
import dev.berth.tree.FileTree;
import dev.berth.unit.Entry;
import dev.berth.unit.Section;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Units to files: each unit kind through its template, then the enablement symlinks that
 * {@code systemctl enable} would create, then the notes.
 */
public final class Renderer {
    /** Where the notes go on the host. */
    public static final String NOTES_PATH = "var/lib/berth/NOTES.md";
    private static final int FILE_MODE = 0644;

    private final Configuration freemarker;

    public Renderer() {
        freemarker = new Configuration(Configuration.VERSION_2_3_35);
        freemarker.setClassForTemplateLoading(Renderer.class, "/dev/berth/render");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setLocalizedLookup(false);
    }

    public FileTree render(UnitSet units) {
        FileTree.Builder tree = FileTree.builder();
        for (PlacedUnit placed : units.units()) {
            UnitFile unit = placed.unit();
            String text = apply(unit.kind().template(), "unit", view(units.sourceName(), unit));
            tree.put(placed.path(), new FileNode.RegularFile(text, FILE_MODE, unit.origin()));
            boolean enablable = unit.kind() == UnitKind.SERVICE || unit.kind() == UnitKind.SOCKET;
            for (String target : enablable ? unit.values("Install", "WantedBy") : List.<String>of()) {
                tree.put(placed.directory() + "/" + target + ".wants/" + unit.fileName(),
                        new FileNode.Symlink("../" + unit.fileName(), unit.origin()));
            }
        }
        for (UnitSet.Link link : units.links()) {
            tree.put(link.path(), new FileNode.Symlink(link.target(), link.origin()));
        }
        tree.put(NOTES_PATH, new FileNode.RegularFile(apply("notes.ftl", "notes", notesView(units)), FILE_MODE, "/"));
        return tree.build();
    }

    private static UnitView view(String sourceName, UnitFile unit) {
        Map<String, List<UnitView.LineView>> sections = new LinkedHashMap<>();
        for (Section s : unit.sections()) {
            List<UnitView.LineView> lines = new ArrayList<>();
            for (Entry e : s.entries()) {
                lines.add(new UnitView.LineView(e.key() + "=" + e.value(), e.why().orElse(null)));
            }
            sections.put(s.name(), lines);
        }
        return new UnitView(Header.lines(sourceName, unit.origin()), sections, List.copyOf(sections.keySet()));
    }

    private static NotesView notesView(UnitSet units) {
        Map<String, List<Note>> groups = new LinkedHashMap<>();
        for (Note n : units.notes()) {
            groups.computeIfAbsent(n.heading(), h -> new ArrayList<>()).add(n);
        }
        List<NotesView.Group> list = new ArrayList<>();
        groups.forEach((heading, notes) -> list.add(new NotesView.Group(heading, notes)));
        return new NotesView(Header.lines(units.sourceName(), "/"), Header.clean(units.sourceName()), list);
    }

    private String apply(String templateName, String variable, Object model) {
        try {
            Template template = freemarker.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(Map.of(variable, model), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("template " + templateName + " is missing from the build", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + templateName + " failed: " + e.getMessage(), e);
        }
    }
}
