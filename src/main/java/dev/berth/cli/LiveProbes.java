package dev.berth.cli;

import dev.berth.apply.JournalLines;
import dev.berth.probe.ProbeAddress;
import dev.berth.probe.ProbeAnswer;
import dev.berth.probe.ProbeRecord;
import dev.berth.probe.ProbeResult;
import dev.berth.probe.ProbeTarget;
import dev.berth.probe.Prober;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The probes of a batch of ports on a host, at once, and for each that failed its container's last journal lines. */
final class LiveProbes {
    /** Failures whose journal is shown: beyond a few, the report would be all journal and the cause the same. */
    static final int JOURNALS_SHOWN = 10;

    private LiveProbes() {
    }

    static List<ProbeAnswer> probe(List<ProbeTarget> targets, Hosts.Host host, String after) {
        List<ProbeAddress> addresses = new ArrayList<>(targets.size());
        List<Prober.Target> batch = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            ProbeAddress address = null;
            try {
                address = ProbeAddress.of(targets.get(i).listen());
                batch.add(new Prober.Target(address, targets.get(i).probe()));
            } catch (IllegalArgumentException e) {
                // only a probes.json edited by hand holds an address the config's checks would refuse
            }
            addresses.add(address);
        }
        List<ProbeResult> ran = new Prober().runAll(batch);
        List<ProbeResult> results = new ArrayList<>(targets.size());
        for (int i = 0, next = 0; i < targets.size(); i++) {
            results.add(addresses.get(i) != null ? ran.get(next++)
                    : new ProbeResult(false, 0, "cannot be probed: '" + targets.get(i).listen() + "' is no address to connect to"));
        }
        String time = Probing.now();
        JournalLines journal = new JournalLines(host.runner());
        List<ProbeAnswer> answers = new ArrayList<>(targets.size());
        int failed = 0;
        for (int i = 0; i < targets.size(); i++) {
            ProbeTarget t = targets.get(i);
            ProbeResult r = results.get(i);
            String where = addresses.get(i) != null ? addresses.get(i).text() : t.listen();
            ProbeRecord record = new ProbeRecord(t.container(), t.port(), where,
                    t.probe().kind().name().toLowerCase(Locale.ROOT), r.ok(), r.millis(), r.detail(), time, after);
            List<String> lines = new ArrayList<>();
            if (!r.ok() && ++failed > JOURNALS_SHOWN) {
                lines.add("journal not shown (more than " + JOURNALS_SHOWN + " probes failed): journalctl -M " + t.machine());
            } else if (!r.ok()) {
                journal.last(t.machine(), host.target().root().resolve(t.guestRoot()), t.unit()).ifPresentOrElse(excerpt -> {
                    lines.add(excerpt.heading());
                    lines.addAll(excerpt.lines());
                }, () -> lines.add("no journal lines of the container " + t.container() + " could be read"));
            }
            answers.add(new ProbeAnswer(record, lines));
        }
        return answers;
    }
}
