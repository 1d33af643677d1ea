package dev.berth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * berth's version. The build writes it into {@code dev/berth/cli/version.properties} (a filtered
 * resource, so that tests running from target/classes see it too) and into the jar's manifest; the commit it was
 * built from goes into the jar only ({@code dev/berth/cli/commit.txt}, written before the jar is shaded), so that
 * the classes, and with them the build's identity, do not change with a commit that changes no code.
 */
final class Version {
    private static final String RESOURCE = "version.properties";
    private static final String COMMIT = "commit.txt";

    private Version() {
    }

    /** The version, e.g. {@code 0.1.0}; empty in a build that did not go through Maven's resource filtering. */
    static Optional<String> current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "");
                if (!version.isBlank() && !version.contains("${")) {
                    return Optional.of(version.strip());
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        return Optional.ofNullable(Main.class.getPackage().getImplementationVersion());
    }

    /** The commit the jar was built from, e.g. {@code 5186c5b1234a}; empty when berth runs from the build's classes. */
    static Optional<String> commit() {
        try (InputStream in = Version.class.getResourceAsStream(COMMIT)) {
            if (in != null) {
                String commit = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
                return commit.isEmpty() ? Optional.empty() : Optional.of(commit);
            }
        } catch (IOException e) {
            // no commit to print
        }
        return Optional.empty();
    }
}
