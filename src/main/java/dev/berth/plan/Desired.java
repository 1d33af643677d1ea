package dev.berth.plan;

import dev.berth.tree.FileTree;
import java.util.List;

/** What a config asks a root to hold: the compiled tree, and the guest roots it writes into. */
public record Desired(FileTree tree, List<GuestRoot> guests) {
    public Desired {
        guests = List.copyOf(guests);
    }
}
