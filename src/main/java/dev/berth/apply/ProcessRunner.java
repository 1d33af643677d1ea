package dev.berth.apply;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs programs as child processes, with their output collected and a time limit. */
public final class ProcessRunner implements CommandRunner {
    private final long timeoutSeconds;

    /** @param timeoutSeconds after this long the program is killed (a bootstrap downloads a system: minutes) */
    public ProcessRunner(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public CommandResult run(List<String> argv) {
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            return new CommandResult(127, argv.get(0) + ": " + e.getMessage());
        }
        try {
            process.getOutputStream().close(); // nothing to answer: a prompt gets end of file instead of hanging
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> output.append(drain(process.getInputStream())), "berth-output-" + argv.get(0));
            reader.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                reader.join(1000);
                return new CommandResult(124, output + "\n(killed after " + timeoutSeconds + " s)");
            }
            reader.join();
            return new CommandResult(process.exitValue(), output.toString());
        } catch (IOException e) {
            process.destroyForcibly();
            return new CommandResult(127, e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new CommandResult(130, "interrupted");
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output lost: " + e.getMessage() + ")";
        }
    }
}
