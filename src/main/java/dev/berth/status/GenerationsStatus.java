package dev.berth.status;

import dev.berth.apply.Generations;
import dev.berth.apply.Generations.Generation;
import dev.berth.diag.Text;
import dev.berth.plan.RootReader;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root's generations as {@code berth status} tells them ({@link Generations}).
 *
 * @param kept       the generations an apply completed, oldest first: the last is what the root holds now, the ones
 *                   before it are what {@code berth rollback} can return to
 * @param pending    the number of the generation an apply was cut off in, which the next apply completes
 * @param unreadable why the record cannot be read (then nothing else is known of them): in words, one line
 */
public record GenerationsStatus(List<Generation> kept, OptionalInt pending, Optional<String> unreadable) {
    public GenerationsStatus {
        kept = List.copyOf(kept);
    }

    /**
     * Reads the record, once; never the contents the generations keep. A record that is not as berth writes it is
     * unreadable here exactly when apply would stop at it.
     */
    static GenerationsStatus read(RootReader files) {
        List<Generation> recorded;
        try {
            recorded = Generations.list(files);
        } catch (IOException e) {
            return new GenerationsStatus(List.of(), OptionalInt.empty(), Optional.of(firstLine(e.getMessage())));
        }
        List<Generation> complete = recorded.stream().filter(Generation::complete).toList();
        OptionalInt pending = recorded.stream().filter(g -> !g.complete()).mapToInt(Generation::number).max();
        return new GenerationsStatus(complete, pending, Optional.empty());
    }

    /** The generation the root holds now: the last one an apply completed. */
    public Optional<Generation> current() {
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(kept.size() - 1));
    }

    /** The generation {@code berth rollback} without a number returns to: the one before the current. */
    public Optional<Generation> previous() {
        return kept.size() < 2 ? Optional.empty() : Optional.of(kept.get(kept.size() - 2));
    }

    /**
     * A parser's message may go on with where it stopped, on lines of its own: the first says what is wrong. It may
     * quote the record, so what it quotes is made printable.
     */
    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return Generations.RECORD + " cannot be read";
        }
        return Text.printable(message.strip().lines().findFirst().orElseThrow().strip());
    }
}
