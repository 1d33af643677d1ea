package dev.berth.plan;

import dev.berth.translate.ShellCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * A step apply takes besides writing files: a systemctl call on the live host, or a guest bootstrap.
 *
 * @param phase   before the files change (stopping removed units, bootstrapping) or after (reload, start)
 * @param kind    which port runs it
 * @param command the full command, e.g. {@code systemctl start mycontainer.socket}
 * @param why     one line for the plan
 */
public record SystemAction(Phase phase, Kind kind, ShellCommand command, String why) {
    public enum Phase { BEFORE_FILES, AFTER_FILES }

    public enum Kind { SYSTEMCTL, BOOTSTRAP }

    static SystemAction systemctl(Phase phase, String why, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("systemctl");
        argv.addAll(List.of(args));
        return new SystemAction(phase, Kind.SYSTEMCTL, new ShellCommand(argv), why);
    }

    /** The arguments after {@code systemctl}. */
    public List<String> systemctlArgs() {
        return command.argv().subList(1, command.argv().size());
    }

    /**
     * The command as a step's label: whole when it names a few units, else its first units and how many there are
     * (a call on a thousand sockets is one step, not a page).
     */
    public String label() {
        List<String> units = units();
        if (units.size() <= 4) {
            return command.shell();
        }
        List<String> argv = command.argv();
        int first = argv.indexOf(units.get(0));
        return new ShellCommand(argv.subList(0, first + 2)).shell() + " … (" + units.size() + " units)";
    }

    /** The units a systemctl action names (for {@code systemctl status} when it fails). */
    public List<String> units() {
        return kind == Kind.SYSTEMCTL ? systemctlArgs().stream().filter(a -> a.contains(".") && !a.startsWith("-")).toList()
                : List.of();
    }
}
