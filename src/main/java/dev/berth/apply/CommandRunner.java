package dev.berth.apply;

import java.util.List;

/** Runs a program (a guest bootstrap such as debootstrap): the port for anything apply runs besides systemctl. */
@FunctionalInterface
public interface CommandRunner {
    CommandResult run(List<String> argv);
}
