package dev.berth.model;

import java.util.List;
import java.util.Optional;

/** The operating system in a container root: {@code guest: {os: debian, release: bookworm}}. */
public record Guest(Optional<String> os, Optional<String> release, List<String> packages) {
    public Guest {
        packages = List.copyOf(packages);
    }
}
