package dev.berth.cli;

import picocli.CommandLine;

/** {@code berth --version}: berth's version, and the Java running it (for bug reports). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"berth " + Version.current().orElse("(development build)"),
                "Java ${java.version} (${java.vendor} ${java.vm.name})"};
    }
}
