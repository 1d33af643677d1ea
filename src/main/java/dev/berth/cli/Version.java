package dev.berth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * berth's version. The build writes it into {@code dev/berth/cli/version.properties} (a filtered
 * resource, so that tests running from target/classes see it too) and into the jar's manifest.
 */
final class Version {
    private static final String RESOURCE = "version.properties";

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
}
