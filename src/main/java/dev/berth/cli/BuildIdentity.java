package dev.berth.cli;

import dev.berth.ConfigIdentity;
import java.io.IOException;
import java.nio.file.Path;

/** The build step that stores the build's identity among its classes: see {@link ConfigIdentity}. */
final class BuildIdentity {
    private BuildIdentity() {
    }

    /** Writes the identity of the classes below {@code args[0]} (the build's output directory) among them. */
    public static void main(String[] args) throws IOException {
        ConfigIdentity.writeBuildIdentity(Path.of(args[0]));
    }
}
