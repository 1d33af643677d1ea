package dev.berth.plan;

import dev.berth.tree.FileTree;
import java.util.List;
import java.util.Optional;

/**
 * What a config asks a root to hold: the compiled tree, and the guest roots it writes into.
 *
 * @param digest the config's identity ({@link AppliedConfig#digest}) when a later plan may trust it to compile to
 *               the same tree again; empty when it compiled with diagnostics, which a plan must show each time
 */
public record Desired(FileTree tree, List<GuestRoot> guests, Optional<String> digest) {
    public Desired {
        guests = List.copyOf(guests);
    }

    public Desired(FileTree tree, List<GuestRoot> guests) {
        this(tree, guests, Optional.empty());
    }

    public Desired withDigest(String digest) {
        return new Desired(tree, guests, Optional.of(digest));
    }
}
