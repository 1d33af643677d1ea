package dev.berth.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The root plan, apply and destroy work on. */
final class TargetOptions {
    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
            description = "The root to install into (default: ${DEFAULT-VALUE}, the running host: berth also runs "
                    + "systemctl). Any other directory is offline: files only, no systemctl, as for an image build.")
    Path root;
}
