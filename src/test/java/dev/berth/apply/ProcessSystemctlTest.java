package dev.berth.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessSystemctlTest {
    private final List<List<String>> argvs = new ArrayList<>();

    private ProcessSystemctl answering(int exit, String output) {
        return new ProcessSystemctl(argv -> {
            argvs.add(argv);
            return new CommandResult(exit, output);
        });
    }

    @Test
    void runsSystemctlWithTheGivenArguments() {
        assertTrue(answering(0, "").call(List.of("start", "web.socket")).ok());
        assertEquals(List.of("systemctl", "start", "web.socket"), argvs.get(0));
    }

    @Test
    void statesComeFromOneListUnitsAndDetailsFromOneShow() {
        String listed = "c000.service loaded inactive dead      Container c000\n"
                + "● c001.socket  loaded failed   failed    Socket for c001\n"
                + "c002.socket  loaded active   listening Socket for c002\n"
                + "masked.socket masked inactive dead      masked.socket\n"
                + "systemd-nspawn@web.service loaded active running Container web\n";
        var states = answering(0, listed).units(List.of("c000.service", "c001.socket", "c002.socket", "gone.service",
                "tmpl@.service", "bad name.service", "masked.socket", "systemd-nspawn@web.service"));

        assertEquals(List.of("systemctl", "list-units", "--all", "--plain", "--no-legend", "--no-pager", "--full", "--",
                "c000.service", "c001.socket", "c002.socket", "gone.service", "masked.socket", "systemd-nspawn@web.service"),
                argvs.get(0));
        assertEquals("masked", states.get("masked.socket").loadState());
        assertFalse(states.get("masked.socket").active());
        assertTrue(states.get("systemd-nspawn@web.service").active(), "an instance is asked by its name");
        assertEquals(1, argvs.size());
        assertEquals("inactive", states.get("c000.service").activeState());
        assertEquals("failed (failed)", states.get("c001.socket").activeState() + " (" + states.get("c001.socket").subState() + ")");
        assertTrue(states.get("c002.socket").active());
        assertEquals("inactive", states.get("gone.service").activeState(), "not loaded: nothing runs");
        assertEquals("unknown", states.get("tmpl@.service").activeState(), "a template names no unit: not asked");
        assertFalse(states.get("bad name.service").active());

        argvs.clear();
        String output = "Id=web.socket\nLoadState=loaded\nActiveState=active\nSubState=running\nNAccepted=7\n\n"
                + "Id=web.service\nLoadState=loaded\nActiveState=active\nSubState=running\nMemoryCurrent=[not set]\n";
        var details = answering(0, output).properties(List.of("web.socket", "web.service"));
        assertEquals(List.of("systemctl", "show", "--property=" + String.join(",", ProcessSystemctl.PROPERTIES), "--",
                "web.socket", "web.service"), argvs.get(0));
        assertEquals(7, details.get("web.socket").number("NAccepted").getAsLong());
        assertTrue(details.get("web.service").number("MemoryCurrent").isEmpty());

        argvs.clear();
        String sockets = "/run/berth/web/http.sock Stream web.socket  web.service\n[::]:8080 Stream web-proxy-http.socket web-proxy-http.service\n"
                + "0.0.0.0:53 Datagram web.socket web.service\n";
        var listens = answering(0, sockets).listening(List.of("web.socket", "web-proxy-http.socket", "other.socket"));
        assertEquals(List.of("/run/berth/web/http.sock (Stream)", "0.0.0.0:53 (Datagram)"), listens.get("web.socket"));
        assertEquals(List.of("[::]:8080 (Stream)"), listens.get("web-proxy-http.socket"));
        assertEquals(List.of(), listens.get("other.socket"));

        assertEquals(Optional.of("systemd 252 (252.22-1~deb12u1)"), answering(0, "systemd 252 (252.22-1~deb12u1)\n+PAM +AUDIT\n").systemdVersion());
        assertEquals(Optional.empty(), answering(127, "systemctl: not found").systemdVersion());
    }

    @Test
    void aNameWithSystemdsEscapesIsAskedByShowNotAsAPattern() {
        var states = answering(0, "Id=web\\x2dtwo.socket\nLoadState=loaded\nActiveState=active\nSubState=listening\n")
                .units(List.of("web\\x2dtwo.socket"));
        assertEquals("show", argvs.get(0).get(1));
        assertEquals("web\\x2dtwo.socket", argvs.get(0).get(argvs.get(0).size() - 1));
        assertTrue(states.get("web\\x2dtwo.socket").active());
    }

    @Test
    void blocksThatDoNotPairUpGoByTheirIdAndAFailedQueryKnowsNothing() {
        // a warning mixed into the output and a unit that printed nothing: the count differs, so Id= decides
        String output = "Warning: something\nId=b.socket\nActiveState=active\n\n";
        var states = answering(1, output).properties(List.of("a.socket", "b.socket"));
        assertEquals("unknown", states.get("a.socket").activeState());
        assertTrue(states.get("b.socket").active());

        var none = answering(1, "Failed to connect to bus: No such file or directory\n").units(List.of("a.socket"));
        assertEquals("unknown", none.get("a.socket").activeState());
        assertFalse(none.get("a.socket").active());
    }

    @Test
    void statusIsTheTextEvenWhenSystemctlExitsNonZero() {
        assertEquals("x web.socket\n  Active: failed", answering(3, "x web.socket\n  Active: failed").status("web.socket"));
    }

    @Test
    void aMissingProgramIsAFailureNotAnException() {
        CommandResult result = new ProcessRunner(10).run(List.of("/nonexistent/berth-test-program"));
        assertEquals(127, result.exitCode());
    }

    @Test
    void aProgramsOutputAndExitCodeAreKept() {
        CommandResult result = new ProcessRunner(10).run(List.of("sh", "-c", "echo out; echo err >&2; exit 4"));
        assertEquals(4, result.exitCode());
        assertEquals("out\nerr\n", result.output());
    }
}
