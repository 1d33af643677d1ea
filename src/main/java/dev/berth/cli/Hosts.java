package dev.berth.cli;

import dev.berth.apply.CommandRunner;
import dev.berth.apply.LocalRootFileSystem;
import dev.berth.apply.ProcListeners;
import dev.berth.apply.ProcessRunner;
import dev.berth.apply.ProcessSystemctl;
import dev.berth.apply.RootFileSystem;
import dev.berth.apply.Systemctl;
import dev.berth.plan.Listener;
import dev.berth.plan.LiveHost;
import dev.berth.plan.UnitState;
import dev.berth.plan.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Connects a {@code --root} to the ports plan and apply use. */
final class Hosts {
    /** A starting systemd unit may take its stop timeout (90 s) and more; a hung systemctl must not hang berth. */
    private static final long SYSTEMCTL_TIMEOUT_SECONDS = 300;
    /** A bootstrap downloads a whole system. */
    private static final long BOOTSTRAP_TIMEOUT_SECONDS = 3600;

    /**
     * The ports for one root.
     *
     * @param systemctl the running systemd, or {@link Systemctl#NONE} for an offline root
     */
    record Host(Target target, RootFileSystem files, Systemctl systemctl, CommandRunner runner) {
    }

    @FunctionalInterface
    interface Factory {
        Host open(Path root) throws IOException;
    }

    static final Factory REAL = Hosts::real;

    /** What the commands use. Tests swap in a factory with a recording systemctl to drive a live host in-process. */
    static volatile Factory factory = REAL;

    private Hosts() {
    }

    /** The root is live exactly when it is this machine's '/': only then does berth talk to systemd. */
    static Host real(Path root) throws IOException {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a directory");
        }
        boolean live = dir.toRealPath().getParent() == null;
        RootFileSystem files = new LocalRootFileSystem(dir);
        if (!live) {
            return new Host(Target.offline(dir, files), files, Systemctl.NONE, new ProcessRunner(BOOTSTRAP_TIMEOUT_SECONDS));
        }
        ProcessSystemctl systemctl = new ProcessSystemctl(new ProcessRunner(SYSTEMCTL_TIMEOUT_SECONDS));
        ProcListeners kernel = new ProcListeners(Path.of("/proc"));
        // systemd through systemctl, the kernel's socket tables through /proc
        LiveHost host = new LiveHost() {
            @Override
            public Map<String, UnitState> units(Collection<String> units) {
                return systemctl.units(units);
            }

            @Override
            public Map<String, UnitState> properties(Collection<String> units) {
                return systemctl.properties(units);
            }

            @Override
            public Map<String, List<String>> listening(Collection<String> sockets) {
                return systemctl.listening(sockets);
            }

            @Override
            public Optional<String> systemdVersion() {
                return systemctl.systemdVersion();
            }

            @Override
            public List<Listener> listeners() {
                return kernel.listeners();
            }

            @Override
            public Map<Long, String> holders(Collection<Long> inodes) {
                return kernel.holders(inodes);
            }
        };
        return new Host(new Target(dir, true, files, host), files, systemctl, new ProcessRunner(BOOTSTRAP_TIMEOUT_SECONDS));
    }
}
