package dev.berth.cli;

import picocli.CommandLine;

/** The version written into the jar's manifest by the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"berth " + (version == null ? "(development build)" : version)};
    }
}
