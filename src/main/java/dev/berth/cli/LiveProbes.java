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
    private LiveProbes() {
    }

    static List<ProbeAnswer> probe(List<ProbeTarget> targets, Hosts.Host host, String after) {
        List<ProbeAddress> addresses = targets.stream().map(t -> ProbeAddress.of(t.listen())).toList();
        List<Prober.Target> batch = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            batch.add(new Prober.Target(addresses.get(i), targets.get(i).probe()));
        }
        List<ProbeResult> results = new Prober().runAll(batch);
        String time = Probing.now();
        JournalLines journal = new JournalLines(host.runner());
        List<ProbeAnswer> answers = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            ProbeTarget t = targets.get(i);
            ProbeResult r = results.get(i);
            ProbeRecord record = new ProbeRecord(t.container(), t.port(), addresses.get(i).text(),
                    t.probe().kind().name().toLowerCase(Locale.ROOT), r.ok(), r.millis(), r.detail(), time, after);
            List<String> lines = new ArrayList<>();
            if (!r.ok()) {
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
