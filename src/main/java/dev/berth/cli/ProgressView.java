package dev.berth.cli;

import dev.berth.apply.Applier;
import dev.berth.apply.Outcome;
import java.io.PrintWriter;

/**
 * Progress of a long apply, on stderr so that stdout keeps only the plan and the outcome. On a terminal
 * one line is rewritten in place ({@code [12/415] + srv/site12/etc/systemd/system/httpd.socket}) and
 * cleared at the end; elsewhere nothing is shown unless asked for ({@code --progress}), then one line a step.
 */
final class ProgressView implements Applier.Progress {
    /** How progress is shown. */
    enum Mode { OFF, LINES, IN_PLACE }

    /** Room for the counter on an 80-column terminal. */
    private static final int WIDTH = 79;

    private final PrintWriter err;
    private final Mode mode;
    private int total;
    private int count;

    ProgressView(PrintWriter err, Mode mode) {
        this.err = err;
        this.mode = mode;
    }

    /** Never with --quiet; on a terminal that handles carriage returns in place, else lines when asked for. */
    static Mode mode(OutputOptions output, Environment environment, boolean asked) {
        if (output.quiet) {
            return Mode.OFF;
        }
        boolean capable = environment.get("TERM").map(t -> !t.isEmpty() && !"dumb".equals(t)).orElse(false);
        if (environment.stderrTerminal() && capable) {
            return Mode.IN_PLACE;
        }
        return asked || environment.stderrTerminal() ? Mode.LINES : Mode.OFF;
    }

    @Override
    public void starting(int steps) {
        total = steps;
    }

    @Override
    public void done(Outcome.Step step) {
        count++;
        String line = "[" + count + "/" + total + "] " + step.label();
        if (mode == Mode.LINES) {
            err.println(line);
        } else if (mode == Mode.IN_PLACE) {
            err.print("\r\u001b[K" + (line.length() > WIDTH ? line.substring(0, WIDTH - 1) + "…" : line));
        }
        err.flush();
    }

    /** Clears the in-place line, so the outcome that follows starts on a clean line. */
    void finish() {
        if (mode == Mode.IN_PLACE && count > 0) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
