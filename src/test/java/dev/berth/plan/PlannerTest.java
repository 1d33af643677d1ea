package dev.berth.plan;

import static dev.berth.testing.Installs.ALPHA;
import static dev.berth.testing.Installs.BETA;
import static dev.berth.testing.Installs.BOTH;
import static dev.berth.testing.Installs.apply;
import static dev.berth.testing.Installs.config;
import static dev.berth.testing.Installs.container;
import static dev.berth.testing.Installs.desired;
import static dev.berth.testing.Installs.live;
import static dev.berth.testing.Installs.offline;
import static dev.berth.testing.Installs.plan;
import static dev.berth.testing.Installs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.testing.RecordingHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
    @TempDir
    Path root;

    private static List<String> paths(Plan plan, Action action) {
        return plan.changes().stream().filter(c -> c.action() == action).map(Change::path).toList();
    }

    private static List<Code> codes(Plan plan) {
        return plan.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void emptyRootGetsEveryFileCreated() {
        Plan plan = plan(offline(root), BOTH);

        assertEquals(desired(BOTH).tree().entries().keySet().stream().toList(), paths(plan, Action.CREATE));
        assertEquals(15, plan.toAdd());
        assertEquals(0, plan.toChange() + plan.toDestroy());
        assertFalse(plan.hasErrors());
        assertTrue(plan.actions().isEmpty(), "offline: no systemctl");
    }

    @Test
    void planAfterApplyHasNoChanges() {
        apply(root, BOTH);

        Plan plan = plan(offline(root), BOTH);

        assertFalse(plan.hasChanges());
        assertFalse(plan.manifestChanges());
    }

    @Test
    void changedConfigShowsExactlyTheChangedLines() {
        apply(root, BOTH);

        Plan plan = plan(offline(root), config(container("alpha", 2201, "5"), BETA));

        assertEquals(List.of("etc/systemd/system/alpha.service"), paths(plan, Action.UPDATE));
        assertEquals(1, plan.changes().size());
        List<String> hunks = PlanTextView.body(plan.changes().get(0));
        assertEquals(List.of("-ExecStart=/usr/bin/systemd-nspawn -bD /srv/alpha 3"),
                hunks.stream().filter(l -> l.startsWith("-")).toList());
        assertEquals(List.of("+ExecStart=/usr/bin/systemd-nspawn -bD /srv/alpha 5"),
                hunks.stream().filter(l -> l.startsWith("+")).toList());
    }

    @Test
    void removedContainerIsPruned() {
        apply(root, BOTH);

        Plan plan = plan(offline(root), config(ALPHA));

        assertEquals(desired(config(BETA)).tree().entries().keySet().stream()
                .filter(p -> p.contains("beta")).toList(), paths(plan, Action.DELETE));
        assertEquals(List.of("var/lib/berth/NOTES.md"), paths(plan, Action.UPDATE));
        assertTrue(plan.manifestAfter().files().keySet().stream().noneMatch(p -> p.contains("beta")));
    }

    @Test
    void foreignFileIsRefused() {
        write(root.resolve("etc/systemd/system/alpha.service"), "[Service]\nExecStart=/bin/true\n");

        Plan plan = plan(offline(root), config(ALPHA));

        assertTrue(plan.hasErrors());
        assertEquals(List.of(Code.A001), codes(plan).stream().filter(c -> c != Code.A005).toList());
    }

    @Test
    void foreignFileIsTakenOverWithAdopt() {
        write(root.resolve("etc/systemd/system/alpha.service"), "[Service]\nExecStart=/bin/true\n");

        Plan plan = Berth.plan(desired(config(ALPHA)), offline(root), new PlanOptions(true, false));

        assertFalse(plan.hasErrors());
        assertEquals(List.of("etc/systemd/system/alpha.service"), paths(plan, Action.UPDATE));
        assertEquals(List.of("etc/systemd/system/alpha.service"), plan.adopted());
    }

    @Test
    void identicalForeignFileIsTakenOverSilently() {
        String path = "etc/systemd/system/alpha.service";
        write(root.resolve(path), ((dev.berth.tree.FileNode.RegularFile) desired(config(ALPHA)).tree().entries().get(path)).content());

        Plan plan = plan(offline(root), config(ALPHA));

        assertFalse(plan.hasErrors());
        assertFalse(paths(plan, Action.CREATE).contains(path));
        assertFalse(paths(plan, Action.UPDATE).contains(path));
        assertEquals(List.of(path), plan.adopted());
        assertTrue(plan.manifestAfter().owns(path));
    }

    @Test
    void symlinkPlantedInGuestRootBlocksEveryWriteBelowIt() throws IOException {
        Path outside = Files.createDirectories(root.resolve("host-etc"));
        Files.createDirectories(root.resolve("srv/alpha/etc/systemd"));
        Files.createSymbolicLink(root.resolve("srv/alpha/etc/systemd/system"), outside);

        Plan plan = plan(offline(root), config(ALPHA));

        List<Diagnostic> blocked = plan.diagnostics().stream().filter(d -> d.code() == Code.A003).toList();
        assertEquals(1, blocked.size(), "one report per link, not per file: " + blocked);
        assertTrue(blocked.get(0).summary().startsWith("srv/alpha/etc/systemd/system is a symbolic link"));
    }

    /**
     * A large root is read on several threads, each walking its own run of paths; what the plan says must not
     * depend on it: every kind of finding, in path order, and one report per link however many paths it blocks.
     */
    @Test
    void aLargeRootGetsTheSameFindingsAsASmallOne() throws IOException {
        String[] containers = new String[160]; // over 1,500 paths
        for (int i = 0; i < containers.length; i++) {
            containers[i] = container(String.format("c%03d", i), 3000 + i);
        }
        String yaml = config(containers);
        apply(root, yaml);
        write(root.resolve("etc/systemd/system/c010.socket"), "edited\n");
        Files.delete(root.resolve("srv/c050/etc/systemd/system/sshd.socket"));
        Files.delete(root.resolve("etc/systemd/system/c020.service"));
        write(root.resolve("etc/systemd/system/c020.service"), "foreign\n");
        Files.move(root.resolve("srv/c100/etc/systemd/system"), root.resolve("srv/c100/moved"));
        Files.createSymbolicLink(root.resolve("srv/c100/etc/systemd/system"), root.resolve("srv/c100/moved"));
        Files.move(root.resolve("srv/c150/etc/systemd/system"), root.resolve("srv/c150/moved"));
        Files.createSymbolicLink(root.resolve("srv/c150/etc/systemd/system"), root.resolve("srv/c150/moved"));

        Plan plan = plan(offline(root), yaml);

        assertEquals(List.of("etc/systemd/system/c010.socket", "etc/systemd/system/c020.service"), paths(plan, Action.UPDATE));
        assertEquals(List.of("srv/c050/etc/systemd/system/sshd.socket"), paths(plan, Action.CREATE));
        assertEquals(List.of("A006 etc/systemd/system/c010.socket", "A006 etc/systemd/system/c020.service",
                        "A003 srv/c100/etc/systemd/system", "A003 srv/c150/etc/systemd/system"),
                plan.diagnostics().stream().filter(d -> d.code() != Code.A005)
                        .map(d -> d.code().id() + " " + d.summary().substring(0, d.summary().indexOf(' '))).toList());
    }

    @Test
    void foreignSymlinkWhereAFileGoesIsRefusedEvenWithAdopt() throws IOException {
        Path target = root.resolve("secret");
        write(target, "keep\n");
        Files.createDirectories(root.resolve("srv/alpha/etc/systemd/system"));
        Files.createSymbolicLink(root.resolve("srv/alpha/etc/systemd/system/sshd.socket"), target);

        Plan plan = Berth.plan(desired(config(ALPHA)), offline(root), new PlanOptions(true, false));

        assertTrue(codes(plan).contains(Code.A003));
    }

    @Test
    void directoryWhereAFileGoesIsRefused() throws IOException {
        Files.createDirectories(root.resolve("etc/systemd/system/alpha.service"));

        assertTrue(codes(plan(offline(root), config(ALPHA))).contains(Code.A007));
    }

    @Test
    void unreadableManifestStopsThePlan() {
        write(root.resolve(Manifest.PATH), "{\"format_version\": 1, \"files\": [{\"path\": \"../etc/passwd\", \"kind\": \"symlink\", \"target\": \"x\"}]}");

        Plan plan = plan(offline(root), config(ALPHA));

        assertEquals(List.of(Code.A008), codes(plan));
        assertTrue(plan.changes().isEmpty());
    }

    @Test
    void ownedFileChangedByHandIsReplacedWithAWarning() {
        apply(root, config(ALPHA));
        write(root.resolve("etc/systemd/system/alpha.socket"), "edited\n");

        Plan plan = plan(offline(root), config(ALPHA));

        assertEquals(List.of("etc/systemd/system/alpha.socket"), paths(plan, Action.UPDATE));
        assertTrue(codes(plan).contains(Code.A006));
        assertFalse(plan.hasErrors());
    }

    @Test
    void modeChangeIsAnUpdateOfTheModeOnly() throws IOException {
        apply(root, config(ALPHA));
        Files.setPosixFilePermissions(root.resolve("etc/systemd/system/alpha.socket"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        Plan plan = plan(offline(root), config(ALPHA));

        assertEquals(1, plan.changes().size());
        assertTrue(plan.changes().get(0).modeOnly());
    }

    @Test
    void missingGuestRootIsAWarningWithTheBootstrapCommand() throws IOException {
        Plan plan = plan(offline(root), config(ALPHA));
        Diagnostic warning = plan.warnings().stream().filter(d -> d.code() == Code.A005).findFirst().orElseThrow();
        assertTrue(warning.hint().contains("debootstrap --arch=amd64 --include=systemd,systemd-sysv,dbus,openssh-server bookworm "
                + root + "/srv/alpha/"), warning.hint());

        Files.createDirectories(root.resolve("srv/alpha/usr"));
        assertFalse(codes(plan(offline(root), config(ALPHA))).contains(Code.A005));
    }

    @Test
    void bootstrapBecomesAnActionBeforeTheFiles() {
        Plan plan = Berth.plan(desired(config(ALPHA)), offline(root), new PlanOptions(false, true));

        assertEquals(1, plan.actions().size());
        SystemAction bootstrap = plan.actions().get(0);
        assertEquals(SystemAction.Kind.BOOTSTRAP, bootstrap.kind());
        assertEquals(SystemAction.Phase.BEFORE_FILES, bootstrap.phase());
        assertEquals(root + "/srv/alpha/", bootstrap.command().argv().get(bootstrap.command().argv().size() - 1));
    }

    @Test
    void bootstrapWithoutAChosenSystemIsAnError() {
        String yaml = config(ALPHA.replace("    guest: {os: debian, release: bookworm}\n", ""));

        Plan plan = Berth.plan(desired(yaml), offline(root), new PlanOptions(false, true));

        assertTrue(codes(plan).contains(Code.A012));
    }

    @Test
    void tooOldGuestSystemdIsWarnedAbout() throws IOException {
        write(root.resolve("srv/alpha/usr/lib/systemd/libsystemd-shared-219.so"), "");

        Plan plan = plan(offline(root), config(ALPHA));

        assertTrue(codes(plan).contains(Code.A011), plan.diagnostics().toString());
        assertTrue(plan.hostFacts().contains("guest alpha: systemd 219; its units need 235 or later (RuntimeDirectoryPreserve=)"),
                plan.hostFacts().toString());
    }

    @Test
    void debiansMultiarchLibraryGivesTheVersion() {
        write(root.resolve("srv/alpha/usr/lib/x86_64-linux-gnu/systemd/libsystemd-shared-252.so"), "");
        write(root.resolve("usr/lib64/systemd/libsystemd-shared-256.7-1.fc41.so"), "");

        Plan plan = plan(offline(root), config(ALPHA));

        assertTrue(plan.hostFacts().contains("host: systemd 256"), plan.hostFacts().toString());
        assertTrue(plan.hostFacts().contains("guest alpha: systemd 252; its units need 235 or later (RuntimeDirectoryPreserve=)"),
                plan.hostFacts().toString());
    }

    // ------------------------------------------------------------------ live host

    @Test
    void liveFirstPlanReloadsOnceAndStartsTheNewSockets() {
        RecordingHost host = new RecordingHost();

        Plan plan = plan(live(root, host), BOTH);

        assertEquals(List.of("systemctl daemon-reload", "systemctl start alpha.socket beta.socket"),
                plan.actions().stream().map(a -> a.command().shell()).toList());
        assertTrue(plan.hostFacts().contains("host: systemd 252"), plan.hostFacts().toString());
    }

    @Test
    void liveChangedServiceIsRestartedOnlyWhenRunning() {
        RecordingHost host = new RecordingHost();
        apply(live(root, host), BOTH, host);
        host.active.add("alpha.service");
        String changed = config(container("alpha", 2201, "5"), container("beta", 2202, "5"));

        Plan plan = plan(live(root, host), changed);

        assertEquals(List.of("systemctl daemon-reload", "systemctl restart alpha.service"),
                plan.actions().stream().map(a -> a.command().shell()).toList());
        assertTrue(plan.actionNotes().stream().anyMatch(n -> n.startsWith("beta.service is not running: not restarted")),
                plan.actionNotes().toString());
    }

    @Test
    void liveChangedSocketStopsItsRunningServiceFirst() {
        RecordingHost host = new RecordingHost();
        apply(live(root, host), config(ALPHA), host);
        host.active.add("alpha.service");

        Plan plan = plan(live(root, host), config(container("alpha", 2299)));

        assertEquals(List.of("systemctl daemon-reload", "systemctl stop alpha.service", "systemctl restart alpha.socket"),
                plan.actions().stream().map(a -> a.command().shell()).toList());
    }

    @Test
    void liveRemovedContainerIsStoppedBeforeItsFilesGo() {
        RecordingHost host = new RecordingHost();
        apply(live(root, host), BOTH, host);
        host.active.add("beta.service");

        Plan plan = plan(live(root, host), config(ALPHA));

        assertEquals(List.of("BEFORE_FILES systemctl stop beta.socket", "BEFORE_FILES systemctl stop beta.service",
                        "AFTER_FILES systemctl daemon-reload"),
                plan.actions().stream().map(a -> a.phase() + " " + a.command().shell()).toList());
    }

    @Test
    void liveSocketThatIsNotListeningIsStartedAgain() {
        RecordingHost host = new RecordingHost();
        apply(live(root, host), config(ALPHA), host);
        host.active.remove("alpha.socket");

        Plan plan = plan(live(root, host), config(ALPHA));

        assertTrue(plan.changes().isEmpty());
        assertEquals(List.of("systemctl start alpha.socket"), plan.actions().stream().map(a -> a.command().shell()).toList());
    }

    @Test
    void liveKernelCommandLineIsReported() {
        write(root.resolve("proc/cmdline"), "BOOT_IMAGE=/vmlinuz root=/dev/sda1 ro quiet\n");

        Plan plan = plan(live(root, new RecordingHost()), config(ALPHA));

        assertTrue(plan.hostFacts().stream().anyMatch(f -> f.startsWith("kernel: auditing is on")), plan.hostFacts().toString());
    }

    @Test
    void destroyDeletesWhatTheManifestLists() {
        apply(root, BOTH);

        Plan plan = new Planner(offline(root), PlanOptions.DEFAULT).planDestroy();

        assertEquals(15, plan.toDestroy());
        assertTrue(plan.manifestAfter().isEmpty());
    }
}
