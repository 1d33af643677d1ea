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
    void queriesActivityAndVersion() {
        assertFalse(answering(3, "").isActive("web.service"));
        assertEquals(List.of("systemctl", "is-active", "--quiet", "web.service"), argvs.get(0));
        assertEquals(Optional.of("systemd 252 (252.22-1~deb12u1)"), answering(0, "systemd 252 (252.22-1~deb12u1)\n+PAM +AUDIT\n").systemdVersion());
        assertEquals(Optional.empty(), answering(127, "systemctl: not found").systemdVersion());
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
