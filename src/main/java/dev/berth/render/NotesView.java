package dev.berth.render;

import dev.berth.translate.Note;
import freemarker.template.TemplateModel;
import java.util.List;

/** What notes.ftl prints: notes grouped by heading, in the order they were made. */
public record NotesView(List<String> header, String source, List<Group> groups) {
    /** {@code notes.header}, {@code notes.source}, {@code notes.groups}. */
    TemplateModel model() {
        return Models.hash(key -> switch (key) {
            case "header" -> Models.texts(header);
            case "source" -> Models.text(source);
            case "groups" -> Models.list(groups, Group::model);
            default -> null;
        });
    }

    public record Group(String heading, List<Note> notes) {
        /** {@code group.heading}, and {@code group.notes}, each with its {@code text} and {@code commands}. */
        TemplateModel model() {
            return Models.hash(key -> switch (key) {
                case "heading" -> Models.text(heading);
                case "notes" -> Models.list(notes, Group::note);
                default -> null;
            });
        }

        private static TemplateModel note(Note note) {
            return Models.hash(key -> switch (key) {
                case "text" -> Models.text(note.text());
                case "commands" -> Models.texts(note.commands());
                default -> null;
            });
        }
    }
}
