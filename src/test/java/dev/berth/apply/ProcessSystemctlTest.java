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
    void queriesEveryUnitInOneShowAndTheVersion() {
        String output = "Id=web.socket\nLoadState=loaded\nActiveState=active\nSubState=listening\n"
                + "Listen=0.0.0.0:80 (Stream)\nListen=[::]:8080 (Stream)\nNAccepted=7\n\n"
                + "Id=gone.service\nLoadState=not-found\nActiveState=inactive\nSubState=dead\nMemoryCurrent=[not set]\n";
        ProcessSystemctl systemctl = answering(0, output);

        var states = systemctl.units(List.of("web.socket", "gone.service", "tmpl@.service", "bad name.service"));

        assertEquals(1, argvs.size());
        assertEquals(List.of("systemctl", "show", "--property=" + String.join(",", ProcessSystemctl.PROPERTIES), "--",
                "web.socket", "gone.service"), argvs.get(0));
        assertEquals(List.of("web.socket", "gone.service", "tmpl@.service", "bad name.service"), List.copyOf(states.keySet()));
        assertTrue(states.get("web.socket").active());
        assertEquals(List.of("0.0.0.0:80 (Stream)", "[::]:8080 (Stream)"), states.get("web.socket").all("Listen"));
        assertEquals(7, states.get("web.socket").number("NAccepted").getAsLong());
        assertEquals("not-found", states.get("gone.service").loadState());
        assertTrue(states.get("gone.service").number("MemoryCurrent").isEmpty());
        assertEquals("unknown", states.get("tmpl@.service").activeState(), "a template names no unit: not asked");
        assertFalse(states.get("bad name.service").active());

        assertEquals(Optional.of("systemd 252 (252.22-1~deb12u1)"), answering(0, "systemd 252 (252.22-1~deb12u1)\n+PAM +AUDIT\n").systemdVersion());
        assertEquals(Optional.empty(), answering(127, "systemctl: not found").systemdVersion());
    }

    @Test
    void blocksThatDoNotPairUpGoByTheirIdAndAFailedQueryKnowsNothing() {
        // a warning mixed into the output and a unit that printed nothing: the count differs, so Id= decides
        String output = "Warning: something\nId=b.socket\nActiveState=active\n\n";
        var states = answering(1, output).units(List.of("a.socket", "b.socket"));
        assertEquals("unknown", states.get("a.socket").activeState());
        assertTrue(states.get("b.socket").active());

        var none = answering(1, "Failed to connect to bus: No such file or directory\n").units(List.of("a.socket"));
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
