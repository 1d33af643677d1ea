package dev.berth.apply;

/**
 * How a command ended.
 *
 * @param exitCode its exit status; 127 when it could not be started
 * @param output   what it printed (stdout and stderr together, in order)
 */
public record CommandResult(int exitCode, String output) {
    public boolean ok() {
        return exitCode == 0;
    }
}
