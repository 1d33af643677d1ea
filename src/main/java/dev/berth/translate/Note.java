package dev.berth.translate;

import java.util.List;

/**
 * Something the admin must know or do that no unit file can express (kernel options, how to create
 * a guest root).
 *
 * @param heading  the part of the host it concerns, e.g. "Host" or "Container mycontainer"
 * @param text     one paragraph
 * @param commands shell commands to run, each on its own line, possibly empty
 * @param origin   the config path that caused the note
 */
public record Note(String heading, String text, List<String> commands, String origin) {
    public Note {
        commands = List.copyOf(commands);
    }
}
