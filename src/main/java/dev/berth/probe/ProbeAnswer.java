package dev.berth.probe;

import java.util.List;

/**
 * One port's probe result, with the container's last journal lines when it failed.
 *
 * @param journal a heading naming where the lines come from, then the lines; empty when it answered
 */
public record ProbeAnswer(ProbeRecord record, List<String> journal) {
    public ProbeAnswer {
        journal = List.copyOf(journal);
    }
}
