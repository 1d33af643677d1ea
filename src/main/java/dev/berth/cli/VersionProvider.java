package dev.berth.cli;

import java.util.Optional;
import picocli.CommandLine;

/** {@code berth --version}: berth's version and commit, and the Java running it and where it is (for bug reports). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return lines();
    }

    static String[] lines() {
        return new String[] {"berth " + Version.current().orElse("(development build)")
                + Version.commit().map(commit -> " (commit " + commit + ")").orElse(""),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + " "
                        + System.getProperty("java.vm.name") + ") in " + System.getProperty("java.home")};
    }

    /** What {@code berth -V} or {@code berth --version} prints, answered without building picocli's model. */
    static Optional<String> printed(String[] args) {
        if (args.length != 1 || !args[0].equals("-V") && !args[0].equals("--version")) {
            return Optional.empty();
        }
        return Optional.of(String.join(System.lineSeparator(), lines()) + System.lineSeparator());
    }
}
