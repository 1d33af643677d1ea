package dev.berth;

import dev.berth.load.Imports;
import dev.berth.load.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The identity of a config as berth applies it: which build of berth compiles it, the config file's name and its
 * text and those of every file it imports, hashed. The build is told by content: a hash of every class and resource
 * the build produced, which the build stores beside them ({@link #writeBuildIdentity}, run by
 * {@code mvn process-classes} after the help texts). Two builds that compile configs alike have the same identity, and any change to code, templates or schema gives
 * a new one; a version number tells neither. A root's manifest records it with the config it was applied from (see
 * {@link dev.berth.plan.AppliedConfig}).
 */
public final class ConfigIdentity {
    private static final String RESOURCE = "build-identity.txt";

    private ConfigIdentity() {
    }

    /** This build's identity; empty when berth runs from classes the build did not finish (then no plan skips compiling). */
    static Optional<String> build() {
        try (InputStream in = ConfigIdentity.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                String id = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
                return id.isEmpty() ? Optional.empty() : Optional.of(id);
            }
        } catch (IOException e) {
            // no identity: every plan compiles
        }
        return Optional.empty();
    }

    /** The identity of a config: this build, the config file's name and its text, and every file it imports. */
    public static Optional<String> of(Source config) {
        return build().map(build -> {
            MessageDigest digest = sha256();
            digest.update((build + "\n" + config.baseName() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(config.text().getBytes(StandardCharsets.UTF_8)); // not joined first: a config can be megabytes
            Path from = Path.of(config.name()).toAbsolutePath().getParent();
            for (Source imported : Imports.sources(config, Imports.FILES)) {
                // named from the config's directory: the same files give the same identity from any working directory
                String name = from.relativize(Path.of(imported.name()).toAbsolutePath()).toString();
                digest.update(("\0" + name + "\n").getBytes(StandardCharsets.UTF_8));
                digest.update(imported.text().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        });
    }

    /** Writes the identity of the classes below {@code classes} (the build's output directory) among them. */
    public static void writeBuildIdentity(Path classes) throws IOException {
        Path target = classes.resolve(ConfigIdentity.class.getPackageName().replace('.', '/')).resolve(RESOURCE);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.equals(target))
                    .sorted((a, b) -> classes.relativize(a).toString().compareTo(classes.relativize(b).toString())).toList();
        }
        MessageDigest digest = sha256();
        for (Path file : files) {
            digest.update(classes.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try {
                digest.update(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            digest.update((byte) 0);
        }
        Files.writeString(target, HexFormat.of().formatHex(digest.digest()) + "\n", StandardCharsets.US_ASCII);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
