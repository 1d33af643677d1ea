package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.berth.apply.LocalRootFileSystem;
import dev.berth.plan.Target;
import dev.berth.probe.Probe;
import dev.berth.probe.ProbeAnswer;
import dev.berth.probe.ProbeTarget;
import dev.berth.testing.RecordingHost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many failed probes: each is reported, the journal of the first few only. */
class LiveProbesTest {
    @TempDir
    Path root;

    @Test
    void journalsOfTheFirstFailuresOnly() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort(); // nobody listens there once it is closed
        }
        List<ProbeTarget> targets = new ArrayList<>();
        for (int i = 0; i < LiveProbes.JOURNALS_SHOWN + 2; i++) {
            targets.add(new ProbeTarget("c" + i, "ssh", "127.0.0.1:" + port, new Probe(Probe.Kind.CONNECT, "", 0, 200),
                    "c" + i, "c" + i + ".service", "srv/c" + i, List.of()));
        }
        RecordingHost recording = new RecordingHost();
        recording.printing.put("journalctl -M", "a line of the guest's journal\n");
        LocalRootFileSystem files = new LocalRootFileSystem(root);
        Hosts.Host host = new Hosts.Host(new Target(root, true, files, recording), files, recording, recording);

        List<ProbeAnswer> answers = LiveProbes.probe(targets, host, "apply");

        assertEquals(targets.size(), answers.size());
        answers.forEach(a -> assertFalse(a.record().ok(), a.toString()));
        assertEquals(List.of("journal of the container c0 (journalctl -M c0)", "a line of the guest's journal"),
                answers.get(0).journal());
        assertEquals(List.of("journal not shown (more than 10 probes failed): journalctl -M c10"), answers.get(10).journal());
        assertEquals(LiveProbes.JOURNALS_SHOWN, recording.calls.stream().filter(c -> c.startsWith("journalctl")).count());
    }
}
