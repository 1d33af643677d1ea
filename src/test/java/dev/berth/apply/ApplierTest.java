package dev.berth.apply;

import static dev.berth.testing.Installs.ALPHA;
import static dev.berth.testing.Installs.BOTH;
import static dev.berth.testing.Installs.apply;
import static dev.berth.testing.Installs.config;
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
import dev.berth.plan.Manifest;
import dev.berth.plan.Plan;
import dev.berth.plan.PlanOptions;
import dev.berth.plan.Planner;
import dev.berth.plan.Target;
import dev.berth.testing.Installs;
import dev.berth.testing.RecordingHost;
import dev.berth.testing.Trees;
import dev.berth.tree.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplierTest {
    @TempDir
    Path root;

    @Test
    void firstApplyInstallsTheTreeAndTheManifest() throws IOException {
        Outcome outcome = apply(root, BOTH);

        assertTrue(outcome.ok());
        FileTree tree = desired(BOTH).tree();
        Trees.assertInstalled(root, tree);
        Trees.assertManifest(root, tree, "after the first apply");
    }

    @Test
    void liveApplyReloadsOnceStartsSocketsAndASecondRunDoesNothing() {
        RecordingHost host = new RecordingHost();

        assertTrue(apply(live(root, host), BOTH, host).ok());
        assertEquals(List.of("systemctl daemon-reload", "systemctl start alpha.socket beta.socket"), host.calls);

        host.calls.clear();
        Plan again = plan(live(root, host), BOTH);
        assertFalse(again.hasChanges());
        assertTrue(apply(live(root, host), BOTH, host).ok());
        assertEquals(List.of(), host.calls);
    }

    @Test
    void aUnitThatFailsInABatchIsNamedAndTheOthersAreReportedAsTheyAre() {
        RecordingHost host = new RecordingHost();
        host.failingToStart.add("alpha.socket"); // its port held by another process

        Outcome outcome = apply(live(root, host), BOTH, host);

        assertFalse(outcome.ok());
        Outcome.Failure failure = outcome.failure().get();
        assertEquals(Code.A004, failure.diagnostic().code());
        assertEquals("systemctl start alpha.socket beta.socket", failure.step().label());
        assertEquals("systemctl start alpha.socket beta.socket failed (exit 1): 1 of 2 not active (alpha.socket)",
                failure.diagnostic().summary());
        assertEquals(List.of(new Outcome.UnitOutcome("alpha.socket", false, "failed (failed)"),
                new Outcome.UnitOutcome("beta.socket", true, "active (listening)")), failure.units());
        assertTrue(failure.detail().contains("$ systemctl status alpha.socket"), failure.detail());
        assertFalse(failure.detail().contains("$ systemctl status beta.socket"), failure.detail());
        assertTrue(outcome.done().stream().anyMatch(s -> s.label().equals("systemctl daemon-reload")));
        Trees.assertInstalled(root, desired(BOTH).tree());

        String report = new OutcomeTextView().failure(plan(live(root, host), BOTH), outcome);
        assertTrue(report.contains("changes are in place and stay"), report);
        assertTrue(report.contains("in that call: 1 of 2 units got there (beta.socket); not: alpha.socket failed (failed)"), report);

        host.failingToStart.clear();
        host.calls.clear();
        assertTrue(apply(live(root, host), BOTH, host).ok());
        assertEquals(List.of("systemctl start alpha.socket"), host.calls,
                "once the port is free, a re-run starts the socket that is not listening, and only that one");
    }

    @Test
    void failedSystemctlStepLeavesTheFilesAndSaysWhatDidNotRun() {
        RecordingHost host = new RecordingHost();
        host.failing.add("systemctl daemon-reload");

        Outcome outcome = apply(live(root, host), BOTH, host);

        assertFalse(outcome.ok());
        Outcome.Failure failure = outcome.failure().get();
        assertEquals("systemctl daemon-reload", failure.step().label());
        assertEquals(List.of(), failure.units());
        assertEquals(List.of("systemctl start alpha.socket beta.socket"), outcome.notRun().stream().map(Outcome.Step::label).toList());
        String report = new OutcomeTextView().failure(plan(live(root, host), BOTH), outcome);
        assertTrue(report.contains("not run: systemctl start alpha.socket beta.socket"), report);

        host.failing.clear();
        host.calls.clear();
        assertTrue(apply(live(root, host), BOTH, host).ok());
        assertEquals(List.of("systemctl start alpha.socket beta.socket"), host.calls,
                "a re-run starts the sockets that are not listening");
    }

    @Test
    void applyStopsWhenAFileChangedAfterThePlan() throws IOException {
        Plan plan = plan(offline(root), config(ALPHA));
        write(root.resolve("etc/systemd/system/alpha.service"), "written meanwhile\n");

        Outcome outcome = new Applier(new dev.berth.apply.LocalRootFileSystem(root), Systemctl.NONE, new RecordingHost(),
                Applier.Progress.NONE).apply(plan);

        assertEquals(Code.A010, outcome.failure().get().diagnostic().code());
        assertEquals("written meanwhile\n", Files.readString(root.resolve("etc/systemd/system/alpha.service")));
    }

    /**
     * Files are written ahead of their steps, many at a time; a run that stops before installing them leaves
     * none of them behind, and each step still checks its path just before it replaces it.
     */
    @Test
    void aRunStoppedAmongFilesWrittenAheadLeavesNoTempFiles() throws IOException {
        String[] containers = new String[40];
        for (int i = 0; i < containers.length; i++) {
            containers[i] = Installs.container(String.format("c%02d", i), 2200 + i);
        }
        Plan plan = plan(offline(root), config(containers));
        write(root.resolve("srv/c20/etc/systemd/system/sshd.socket"), "written meanwhile\n");

        Outcome outcome = new Applier(new dev.berth.apply.LocalRootFileSystem(root), Systemctl.NONE, new RecordingHost(),
                Applier.Progress.NONE).apply(plan);

        assertEquals(Code.A010, outcome.failure().get().diagnostic().code());
        assertEquals("+ srv/c20/etc/systemd/system/sshd.socket", outcome.failure().get().step().label());
        assertEquals("written meanwhile\n", Files.readString(root.resolve("srv/c20/etc/systemd/system/sshd.socket")));
        assertTrue(Files.exists(root.resolve("srv/c19/etc/systemd/system/sshd.socket")), "the steps before it ran");
        assertFalse(Files.exists(root.resolve("srv/c21/etc/systemd/system/sshd.socket")), "the steps after it did not");
        assertEquals(List.of(), Trees.files(root).stream().filter(p -> p.contains("/.berth-")).toList());
    }

    @Test
    void destroyStopsUnitsThenRemovesEverythingBerthInstalled() throws IOException {
        RecordingHost host = new RecordingHost();
        apply(live(root, host), BOTH, host);
        host.calls.clear();
        Target target = live(root, host);

        Plan plan = new Planner(target, PlanOptions.DEFAULT).planDestroy();
        Outcome outcome = new Applier((RootFileSystem) target.files(), host, host, Applier.Progress.NONE).apply(plan);

        assertTrue(outcome.ok());
        assertEquals(List.of("systemctl stop alpha.socket beta.socket", "systemctl daemon-reload"), host.calls);
        assertEquals(List.of(), Trees.files(root).stream().filter(p -> !p.equals("var/lib/berth/lock")).toList());
    }

    @Test
    void bootstrapRunsBeforeTheFiles() {
        RecordingHost host = new RecordingHost();
        Plan plan = Berth.plan(desired(config(ALPHA)), offline(root), new PlanOptions(false, true));

        Outcome outcome = new Applier(new LocalRootFileSystem(root), Systemctl.NONE, host, Applier.Progress.NONE).apply(plan);

        assertTrue(outcome.ok());
        assertEquals(List.of("debootstrap --arch=amd64 --include=systemd,systemd-sysv,dbus,openssh-server bookworm "
                + root + "/srv/alpha/"), host.calls);
        assertEquals(Outcome.Stage.BEFORE_FILES, outcome.done().get(0).stage());
    }

    @Test
    void failedBootstrapWritesNoFile() {
        RecordingHost host = new RecordingHost();
        Plan plan = Berth.plan(desired(config(ALPHA)), offline(root), new PlanOptions(false, true));
        host.failing.add(plan.actions().get(0).command().argv().stream().reduce((a, b) -> a + " " + b).get());

        Outcome outcome = new Applier(new LocalRootFileSystem(root), Systemctl.NONE, host, Applier.Progress.NONE).apply(plan);

        assertEquals(Code.A012, outcome.failure().get().diagnostic().code());
        assertEquals(List.of(), Trees.files(root));
    }
}
