package dev.berth.render;

import dev.berth.translate.Note;
import java.util.List;

/** What notes.ftl prints: notes grouped by heading, in the order they were made. */
public record NotesView(List<String> header, String source, List<Group> groups) {
    public record Group(String heading, List<Note> notes) {
    }
}
