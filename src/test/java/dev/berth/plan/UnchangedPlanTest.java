package dev.berth.plan;

import static dev.berth.testing.Installs.BOTH;
import static dev.berth.testing.Installs.desired;
import static dev.berth.testing.Installs.offline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.apply.Applier;
import dev.berth.apply.Systemctl;
import dev.berth.testing.RecordingHost;
import dev.berth.testing.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A plan of the config a root was last applied from, made from the manifest and the files' stamps: the same plan
 * compiling gives, and none at all (so the config is compiled) once anything on disk may differ.
 */
class UnchangedPlanTest {
    private static final String DIGEST = "digest of the config and the build";
    private static final String UNIT = "etc/systemd/system/alpha.service";
    private static final String LINK = "etc/systemd/system/sockets.target.wants/alpha.socket";

    @TempDir
    Path root;

    @BeforeEach
    void applyTheConfig() {
        Plan plan = compiledPlan();
        assertTrue(new Applier((dev.berth.apply.RootFileSystem) offline(root).files(), Systemctl.NONE, new RecordingHost(),
                Applier.Progress.NONE).apply(plan).ok());
    }

    private Plan compiledPlan() {
        return Berth.plan(desired(BOTH).withDigest(DIGEST), offline(root), PlanOptions.DEFAULT);
    }

    private Optional<Plan> unchangedPlan(String digest) {
        return Berth.planIfUnchanged(digest, offline(root), PlanOptions.DEFAULT);
    }

    private static void assertSamePlan(Plan expected, Plan actual) {
        assertEquals(new PlanTextView(false).render(expected), new PlanTextView(false).render(actual));
        assertEquals(new PlanJsonView().render(expected, List.of()), new PlanJsonView().render(actual, List.of()));
        assertEquals(expected.hasChanges(), actual.hasChanges());
        assertEquals(expected.manifestChanges(), actual.manifestChanges());
    }

    @Test
    void theManifestRecordsTheConfigAndEveryFilesStamp() {
        Manifest manifest = Trees.manifest(root);
        assertEquals(DIGEST, manifest.config().orElseThrow().digest());
        assertEquals(List.of("srv/alpha", "srv/beta"),
                manifest.config().get().guests().stream().map(GuestRoot::path).toList());
        Trees.assertManifest(root, desired(BOTH).tree(), "after apply");
    }

    @Test
    void anUntouchedRootIsPlannedWithoutCompilingAndTheSame() {
        Optional<Plan> unchanged = unchangedPlan(DIGEST);

        assertTrue(unchanged.isPresent());
        assertFalse(unchanged.get().hasChanges());
        assertFalse(unchanged.get().manifestChanges(), "nothing to record: apply has nothing to do");
        assertSamePlan(compiledPlan(), unchanged.get());
    }

    @Test
    void hostChecksAreMadeAfreshEachTime() throws IOException {
        Files.createDirectories(root.resolve("srv/alpha/usr")); // alpha's system was installed since

        Plan unchanged = unchangedPlan(DIGEST).orElseThrow();

        assertSamePlan(compiledPlan(), unchanged);
        assertEquals(1, unchanged.warnings().size(), "only beta's root still holds no system: " + unchanged.warnings());
    }

    @Test
    void anotherConfigOrBuildIsCompiled() {
        assertTrue(unchangedPlan("another digest").isEmpty());
    }

    @Test
    void aManifestWithoutItsConfigIsCompiled() throws IOException {
        Path manifest = root.resolve(Manifest.PATH);
        Files.writeString(manifest, new Manifest(Trees.manifest(root).files()).toJson()); // as berth 0.1 wrote it

        assertTrue(unchangedPlan(DIGEST).isEmpty());
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("edited in place, same size", (Change) root -> {
                    Path unit = root.resolve(UNIT);
                    byte[] bytes = Files.readAllBytes(unit);
                    bytes[bytes.length - 2] = (byte) (bytes[bytes.length - 2] == 'x' ? 'y' : 'x');
                    Files.write(unit, bytes);
                }),
                Arguments.of("mode changed", (Change) root -> Files.setPosixFilePermissions(root.resolve(UNIT),
                        PosixFilePermissions.fromString("rw-rw-rw-"))),
                Arguments.of("replaced by a copy", (Change) root -> {
                    Path copy = root.resolve(UNIT + ".copy");
                    Files.copy(root.resolve(UNIT), copy, StandardCopyOption.COPY_ATTRIBUTES);
                    Files.move(copy, root.resolve(UNIT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }),
                Arguments.of("removed", (Change) root -> Files.delete(root.resolve(UNIT))),
                Arguments.of("link aimed elsewhere", (Change) root -> {
                    Files.delete(root.resolve(LINK));
                    Files.createSymbolicLink(root.resolve(LINK), Path.of("../beta.socket"));
                }),
                Arguments.of("unit directory swapped for a link", (Change) root -> {
                    Path units = root.resolve("etc/systemd/system");
                    Files.move(units, root.resolve("etc/systemd/elsewhere"));
                    Files.createSymbolicLink(units, Path.of("elsewhere"));
                }),
                Arguments.of("manifest stamp of a file lost", (Change) root -> {
                    Manifest manifest = Trees.manifest(root);
                    Files.writeString(root.resolve(Manifest.PATH), manifest.with(UNIT, manifest.get(UNIT).orElseThrow()).toJson());
                }));
    }

    @FunctionalInterface
    interface Change {
        void make(Path root) throws IOException;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anyChangeOnDiskMeansCompiling(String what, Change change) throws IOException {
        change.make(root);

        assertTrue(unchangedPlan(DIGEST).isEmpty(), what);
        Plan compiled = compiledPlan();
        assertTrue(compiled.hasChanges() || compiled.hasErrors() || compiled.manifestChanges(), what);
    }

    @Test
    void aFileWrittenInTheManifestsClockTickIsReadToo() throws IOException {
        Path unit = root.resolve(UNIT);
        FileTime written = Files.getLastModifiedTime(unit, LinkOption.NOFOLLOW_LINKS);
        // a change that keeps size, inode and time: only possible within one tick of the file system's clock
        String text = Files.readString(unit);
        Files.writeString(unit, text.replace("Description=", "Descriptiom="), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(unit, written);
        // the manifest written in that same tick: its stamps cannot tell, so the file's content is compared
        Files.setLastModifiedTime(root.resolve(Manifest.PATH), written);

        assertTrue(unchangedPlan(DIGEST).isEmpty());
        assertTrue(compiledPlan().hasChanges());
    }

    @Test
    void aFileWrittenInTheManifestsClockTickAndUnchangedStillCounts() throws IOException {
        Files.setLastModifiedTime(root.resolve(Manifest.PATH), Files.getLastModifiedTime(root.resolve(UNIT)));

        assertSamePlan(compiledPlan(), unchangedPlan(DIGEST).orElseThrow());
    }

    @Test
    void aChangeThatKeepsEveryStampIsSeenByCompiling() throws IOException {
        // what --checksum is for: a same-size change whose time was set back, long after the manifest was written
        Path unit = root.resolve(UNIT);
        FileTime written = Files.getLastModifiedTime(unit, LinkOption.NOFOLLOW_LINKS);
        Files.writeString(unit, Files.readString(unit).replace("Description=", "Descriptiom="), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(unit, written);
        Files.setLastModifiedTime(root.resolve(Manifest.PATH), FileTime.fromMillis(written.toMillis() + 1000));

        assertTrue(unchangedPlan(DIGEST).isPresent(), "stamps alone cannot see it");
        assertTrue(compiledPlan().hasChanges(), "compiling and reading every file does");
    }
}
