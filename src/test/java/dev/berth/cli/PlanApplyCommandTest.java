package dev.berth.cli;

import static dev.berth.testing.Installs.ALPHA;
import static dev.berth.testing.Installs.BOTH;
import static dev.berth.testing.Installs.config;
import static dev.berth.testing.Installs.container;
import static dev.berth.testing.Installs.desired;
import static dev.berth.testing.Installs.read;
import static dev.berth.testing.Installs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.plan.Manifest;
import dev.berth.testing.Trees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The acceptance criteria of plan and apply, driven through the command line on temporary roots. */
class PlanApplyCommandTest {
    @TempDir
    Path dir;

    private Path root() throws IOException {
        return Files.createDirectories(dir.resolve("root"));
    }

    private Path configFile(String yaml) {
        Path file = dir.resolve("berth.yaml");
        write(file, yaml);
        return file;
    }

    private static Cli plan(Path config, Path root, String... more) {
        return Cli.run(Stream.concat(Stream.of("plan", config.toString(), "--root", root.toString()), Stream.of(more))
                .toArray(String[]::new));
    }

    private static Cli apply(Path config, Path root, String... more) {
        return Cli.run(Stream.concat(Stream.of("apply", config.toString(), "--root", root.toString()), Stream.of(more))
                .toArray(String[]::new));
    }

    @Test
    void firstApplyCreatesEverythingAndSecondRunsSayNoChanges() throws IOException {
        Path root = root();
        Path config = configFile(BOTH);

        Cli first = apply(config, root);
        assertEquals(0, first.status(), first.toString());
        assertTrue(first.out().contains("Plan: 15 to add, 0 to change, 0 to destroy."), first.out());
        assertTrue(first.out().contains("Apply complete: 15 added, 0 changed, 0 destroyed"), first.out());
        Trees.assertInstalled(root, desired(BOTH).tree());

        Cli second = apply(config, root);
        assertEquals(0, second.status(), second.toString());
        assertTrue(second.out().contains("No changes."), second.out());
        assertFalse(second.out().contains("Applying"), second.out());

        Cli plan = plan(config, root, "--detailed-exitcode");
        assertEquals(0, plan.status(), plan.toString());
        assertTrue(plan.out().contains("No changes."), plan.out());
    }

    @Test
    void aRootLastAppliedFromTheConfigIsPlannedFromItsManifestAlike() throws IOException {
        Path root = root();
        Path config = configFile(BOTH);
        apply(config, root);
        assertTrue(Trees.manifest(root).config().isPresent(), "the manifest records the config it was applied from");

        Cli stamped = plan(config, root);
        Cli compiled = plan(config, root, "--checksum");
        assertEquals(compiled.toString(), stamped.toString());
        assertEquals(0, stamped.status());
        Cli json = plan(config, root, "--format", "json");
        assertEquals(plan(config, root, "--format", "json", "--checksum").out(), json.out());

        // an edit after apply: the stamps differ, so the config is compiled and the root read
        Path unit = root.resolve("etc/systemd/system/alpha.service");
        Files.writeString(unit, Files.readString(unit) + "# edited\n");
        Cli edited = plan(config, root, "--detailed-exitcode");
        assertEquals(2, edited.status(), edited.toString());
        assertTrue(edited.out().contains("~ etc/systemd/system/alpha.service"), edited.out());
        Cli repair = apply(config, root);
        assertEquals(0, repair.status(), repair.toString());
        assertTrue(repair.out().contains("Apply complete: 0 added, 1 changed, 0 destroyed"), repair.out());
        assertEquals(0, plan(config, root, "--detailed-exitcode").status());
        Trees.assertManifest(root, desired(BOTH).tree(), "after the repair");
    }

    @Test
    void detailedExitcodeIsTwoWhenThereAreChanges() throws IOException {
        Cli plan = plan(configFile(BOTH), root(), "--detailed-exitcode");

        assertEquals(2, plan.status(), plan.toString());
        assertEquals(0, plan(configFile(BOTH), root()).status(), "without the flag: 0");
    }

    @Test
    void changedConfigShowsExactlyTheChangedLines() throws IOException {
        Path root = root();
        apply(configFile(BOTH), root);

        Cli plan = plan(configFile(config(container("alpha", 2201, "5"), container("beta", 2202))), root, "--detailed-exitcode");

        assertEquals(2, plan.status(), plan.toString());
        assertTrue(plan.out().contains("""
                  ~ etc/systemd/system/alpha.service (0644)
                      @@ -8,4 +8,4 @@
                       StartLimitBurst=30

                       [Service]
                      -ExecStart=/usr/bin/systemd-nspawn -bD /srv/alpha 3
                      +ExecStart=/usr/bin/systemd-nspawn -bD /srv/alpha 5

                System actions: none
                """), plan.out());
        assertTrue(plan.out().contains("Plan: 0 to add, 1 to change, 0 to destroy."), plan.out());
    }

    @Test
    void removedContainerIsPruned() throws IOException {
        Path root = root();
        apply(configFile(BOTH), root);

        Cli apply = apply(configFile(config(ALPHA)), root);

        assertEquals(0, apply.status(), apply.toString());
        assertTrue(apply.out().contains("- etc/systemd/system/beta.service"), apply.out());
        Trees.assertInstalled(root, desired(config(ALPHA)).tree());
        assertEquals(Manifest.of(desired(config(ALPHA)).tree()).files(), Trees.manifest(root).files());
    }

    @Test
    void foreignFileIsNotOverwritten() throws IOException {
        Path root = root();
        Path handWritten = root.resolve("etc/systemd/system/alpha.socket");
        write(handWritten, "[Socket]\nListenStream=9999\n");

        Cli apply = apply(configFile(BOTH), root);

        assertEquals(1, apply.status(), apply.toString());
        assertTrue(apply.err().contains("error[A001]"), apply.err());
        assertTrue(apply.err().contains("nothing was installed"), apply.err());
        assertEquals("[Socket]\nListenStream=9999\n", read(handWritten));
        assertEquals(List.of("etc/systemd/system/alpha.socket", "var/lib/berth/lock"), Trees.files(root));

        Cli adopted = apply(configFile(BOTH), root, "--adopt");
        assertEquals(0, adopted.status(), adopted.toString());
        assertTrue(adopted.out().contains("(taken over: not written by berth)"), adopted.out());
    }

    @Test
    void symlinkPlantedInAGuestRootLeadsToNoWriteOutsideIt() throws IOException {
        Path root = root();
        Path hostEtc = Files.createDirectories(dir.resolve("host-etc"));
        Files.createDirectories(root.resolve("srv/alpha/etc/systemd"));
        Files.createSymbolicLink(root.resolve("srv/alpha/etc/systemd/system"), hostEtc);

        Cli apply = apply(configFile(BOTH), root);

        assertEquals(1, apply.status(), apply.toString());
        assertTrue(apply.err().contains("error[A003]"), apply.err());
        try (Stream<Path> outside = Files.list(hostEtc)) {
            assertEquals(0, outside.count());
        }
        assertFalse(Files.exists(root.resolve("etc")), "nothing at all is written when a plan has errors");
    }

    @Test
    void concurrentApplyIsRefused() throws IOException {
        Path root = root();
        Path lockFile = root.resolve("var/lib/berth/lock");
        Files.createDirectories(lockFile.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            Cli apply = apply(configFile(BOTH), root);

            assertEquals(1, apply.status(), apply.toString());
            assertTrue(apply.err().contains("error[A002]"), apply.err());
            assertTrue(held.isValid());
        }
        assertEquals(List.of("var/lib/berth/lock"), Trees.files(root));
        assertEquals(0, apply(configFile(BOTH), root).status(), "free again once the holder is gone");
    }

    @Test
    void twoAppliesAtOnceOneIsRefusedOrBothSucceedInTurn() throws Exception {
        Path root = root();
        Path config = configFile(BOTH);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> apply(config, root));
            var b = pool.submit(() -> apply(config, root));
            List<Cli> runs = List.of(a.get(), b.get());
            // whichever takes the lock first installs; the other is refused (A002) or, if it came after, has nothing to do
            assertTrue(runs.stream().anyMatch(r -> r.status() == 0 && r.out().contains("Apply complete")), runs.toString());
            for (Cli r : runs) {
                assertTrue(r.status() == 0 || r.err().contains("error[A002]"), r.toString());
            }
        } finally {
            pool.shutdown();
        }
        Trees.assertInstalled(root, desired(BOTH).tree());
    }

    @Test
    void jsonPlanHasTheDocumentedShape() throws IOException {
        Cli plan = plan(configFile(config(ALPHA)), root(), "--format", "json");

        assertEquals(0, plan.status(), plan.toString());
        JsonNode json = JsonMapper.shared().readTree(plan.out());
        assertEquals(1, json.get("format_version").intValue());
        assertFalse(json.get("live").booleanValue());
        assertEquals(8, json.get("summary").get("add").intValue());
        assertTrue(json.get("summary").get("changes_present").booleanValue());
        JsonNode first = json.get("changes").get(0);
        assertEquals("create", first.get("action").stringValue());
        assertEquals("etc/systemd/system/alpha.service", first.get("path").stringValue());
        assertEquals("file", first.get("after").get("kind").stringValue());
        assertTrue(first.get("before").isNull());
        assertTrue(first.get("diff").stringValue().contains("+[Service]\n"), first.get("diff").stringValue());
        assertEquals("A005", json.get("warnings").get(0).get("code").stringValue());
        assertEquals(0, json.get("errors").size());
    }

    @Test
    void jsonApplyCarriesThePlanAndTheOutcome() throws IOException {
        Cli apply = apply(configFile(config(ALPHA)), root(), "--format", "json");

        assertEquals(0, apply.status(), apply.toString());
        JsonNode json = JsonMapper.shared().readTree(apply.out());
        assertEquals(8, json.get("plan").get("summary").get("add").intValue());
        assertEquals("applied", json.get("outcome").get("status").stringValue());
        assertEquals("", apply.err());
    }

    @Test
    void destroyRemovesWhatApplyInstalled() throws IOException {
        Path root = root();
        apply(configFile(BOTH), root);

        Cli destroy = Cli.run("destroy", "--root", root.toString());

        assertEquals(0, destroy.status(), destroy.toString());
        assertTrue(destroy.out().startsWith("berth will destroy what it installed in " + root + " (offline root: files only):\n"),
                destroy.out());
        assertTrue(destroy.out().endsWith("Plan: 15 to destroy.\n\nDestroy complete: 15 files removed (offline root: no systemctl).\n"),
                destroy.out());
        assertFalse(destroy.out().contains("Apply complete"), destroy.out());
        assertFalse(destroy.out().contains("says what berth cannot do"), "NOTES.md is being removed: " + destroy.out());
        assertFalse(destroy.out().contains("System actions"), destroy.out());
        assertEquals(List.of("var/lib/berth/lock"), Trees.files(root).stream().filter(p -> !Trees.generations(p)).toList());
        assertTrue(Files.exists(root.resolve("var/lib/berth/generations.json")), "the destroy is a generation of its own");
        Cli again = Cli.run("destroy", "--root", root.toString());
        assertEquals(0, again.status(), again.toString());
        assertEquals("Nothing to destroy: berth has installed nothing in " + root + ".\n", again.out());
        assertEquals("", again.err());
    }

    @Test
    void aNewNotesFileIsOneLineWithItsSizeUnlessFullIsAsked() throws IOException {
        Path root = root();
        Path config = configFile(BOTH);
        String notes = ((dev.berth.tree.FileNode.RegularFile) desired(BOTH).tree().entries().get("var/lib/berth/NOTES.md")).content();
        long lines = notes.lines().count();

        Cli plan = plan(config, root);

        assertEquals(0, plan.status(), plan.toString());
        assertTrue(plan.out().contains("  + var/lib/berth/NOTES.md (0644)\n      (" + lines + " lines, "
                + notes.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes: what berth cannot do for you; "
                + "read them with --full, or in " + root.resolve("var/lib/berth/NOTES.md") + " after apply)\n\n"), plan.out());
        assertFalse(plan.out().contains("+ ## Host"), plan.out());

        Cli full = plan(config, root, "--full");
        assertTrue(full.out().contains("      + ## Host\n"), full.out());
        assertEquals(full.out().lines().count() - lines + 1, plan.out().lines().count(), "the notes are one line instead of "
                + lines);

        JsonNode json = JsonMapper.builder().build().readTree(plan(config, root, "--format", "json").out());
        JsonNode change = json.path("changes").valueStream()
                .filter(c -> c.path("path").asString().equals("var/lib/berth/NOTES.md")).findFirst().orElseThrow();
        assertTrue(change.path("diff").asString().contains("+## Host"), "the JSON plan keeps the text: " + change);

        apply(config, root);
        Cli changed = plan(configFile(config(container("alpha", 2201, "3"))), root);
        assertTrue(changed.out().contains("  ~ var/lib/berth/NOTES.md (0644)\n      @@ "), "a changed NOTES.md is a diff: " + changed.out());
    }

    @Test
    void destroyLeavesARootBerthNeverUsedAsItIs() throws IOException {
        Path root = root();

        Cli destroy = Cli.run("destroy", "--root", root.toString());

        assertEquals(0, destroy.status(), destroy.toString());
        assertEquals("Nothing to destroy: berth has installed nothing in " + root + ".\n", destroy.out());
        assertEquals(List.of(), Trees.files(root), "not even the lock is created");
        assertEquals(0, Files.list(root).count(), "no directory either");
    }

    @Test
    void destroyOfAOneFileInstallSpeaksOfOneFile() throws IOException {
        Path root = root();
        Path config = configFile("berth: 1\ncontainers: {}\n");
        assertEquals(0, apply(config, root).status());

        Cli destroy = Cli.run("destroy", config.toString(), "--root", root.toString());

        assertEquals(0, destroy.status(), destroy.toString());
        assertTrue(destroy.out().endsWith("Destroy complete: 1 file removed (offline root: no systemctl).\n"), destroy.out());
    }

    @Test
    void destroyWithAFileThatDoesNotExistIsAnError() throws IOException {
        Path root = root();
        apply(configFile(BOTH), root);

        Cli destroy = Cli.run("destroy", dir.resolve("missing.yaml").toString(), "--root", root.toString());

        assertEquals(1, destroy.status(), destroy.toString());
        assertEquals("", destroy.out());
        assertEquals(1, destroy.err().split("error\\[", -1).length - 1, destroy.err());
        assertTrue(destroy.err().startsWith("error[Y006]: cannot read " + dir.resolve("missing.yaml") + ": no such file"), destroy.err());
        assertTrue(Files.exists(root.resolve("etc/systemd/system/alpha.service")), "nothing was removed");
    }

    @Test
    void missingRootAndInvalidConfigAreErrors() throws IOException {
        Cli missing = plan(configFile(BOTH), dir.resolve("nope"));
        assertEquals(1, missing.status(), missing.toString());
        assertTrue(missing.err().contains("error[A009]"), missing.err());
        for (String verb : List.of("plan", "apply", "destroy")) {
            Cli run = Cli.run(verb, configFile(BOTH).toString(), "--root", dir.resolve("nope").toString());
            assertEquals(1, run.status(), run.toString());
            assertTrue(run.err().startsWith("error[A009]: the root " + dir.resolve("nope") + " does not exist\n"
                    + "  = hint: create it first: mkdir -p " + dir.resolve("nope")), run.err());
            assertFalse(Files.exists(dir.resolve("nope")), verb + " creates nothing");
        }

        Cli invalid = plan(configFile("berth: 1\ncontainers: {a_b: {root: /srv/x}}\n"), root());
        assertEquals(1, invalid.status(), invalid.toString());
        assertTrue(invalid.err().contains("error[N001]"), invalid.err());
    }

    @Test
    void strictTurnsPlanWarningsIntoFailure() throws IOException {
        Cli apply = apply(configFile(config(ALPHA)), root(), "--strict");

        assertEquals(1, apply.status(), apply.toString());
        assertTrue(apply.out().contains("warning[A005]"), apply.out());
        assertTrue(apply.err().contains("--strict"), apply.err());
    }
}
