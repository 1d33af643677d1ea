package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.DropIn;
import dev.berth.model.Runtime;
import dev.berth.model.Service;
import java.util.ArrayList;
import java.util.List;

/** What the admin must know about one container: creating its root, its sshd, how it runs, entering it. */
final class ContainerNotes {
    private ContainerNotes() {
    }

    /** The host sockets apply enables for the container: its own, or with idle-stop the proxies' front sockets too. */
    static List<String> hostSockets(Container c) {
        if (c.ports().isEmpty()) {
            return List.of();
        }
        List<String> sockets = new ArrayList<>();
        sockets.add(ContainerUnits.socket(c));
        if (c.runtime().idleStop().isPresent()) {
            c.ports().forEach(p -> sockets.add(ContainerUnits.proxy(c, p, ".socket")));
        }
        return sockets;
    }

    static List<Note> of(Container c) {
        String heading = "Container " + c.name();
        List<Note> notes = new ArrayList<>();
        GuestBootstrap bootstrap = GuestBootstrap.of(c);
        boolean sshd = bootstrap.sshd();
        List<String> commands = bootstrap.commands(c.root() + "/").stream().map(ShellCommand::shell).toList();
        notes.add(new Note(heading, "The guest's root must hold an operating system with systemd before the first "
                + "connection. berth writes only the units below " + c.root() + "; create the system first"
                + (!bootstrap.chosen() ? " (Debian or Fedora, as you prefer; set guest.os to get one command):" : ":"),
                commands, c.path() + "/root"));
        if (sshd) {
            boolean masked = c.mask().contains("ssh.service") || c.mask().contains("sshd.service");
            notes.add(new Note(heading, "The guest's sshd answers through socket activation only. "
                    + (masked ? "berth masks the distribution's own ssh service in the guest, so it does not listen on port 22 too. "
                    : "Disable the distribution's own ssh service in the guest, or it also listens on port 22"
                    + (c.runtime().network() == Runtime.Network.HOST ? " (and clashes with the host's sshd, the network being shared). "
                    : ". ")) + "Give root a key or a password:",
                    masked ? List.of("install -d -m 700 " + c.root() + "/root/.ssh")
                            : List.of("systemctl --root=" + c.root() + " disable ssh.service sshd.service",
                            "install -d -m 700 " + c.root() + "/root/.ssh"),
                    c.path() + "/services"));
        }
        notes.addAll(RuntimeNotes.of(c));
        for (Service s : c.services()) {
            if (s.activated() && !s.perConnection() && !s.socketOnStdin()) {
                notes.add(new Note(heading, s.name() + " is activated natively: it must take its listening sockets from "
                        + "systemd (sd_listen_fds(), LISTEN_FDS) instead of opening them itself. Configure the daemon so, "
                        + "e.g. lighttpd: server.systemd-socket-activation = \"enable\"; gunicorn: --bind fd://3.",
                        List.of(), s.path()));
            }
        }
        for (DropIn d : c.dropIns()) {
            notes.add(new Note(heading, "The drop-in " + d.unit() + ".d/" + d.fileName() + " inside the guest takes effect "
                    + "when the guest next starts the unit; to apply it in a running container:",
                    List.of("systemctl -M " + c.name() + " daemon-reload", "systemctl -M " + c.name() + " try-restart " + d.unit()),
                    d.path()));
        }
        if (c.journal().isPresent() && !c.journal().get().equals("no")) {
            notes.add(new Note(heading, "The guest's journal is linked into the host's; show it together with the host's:",
                    List.of("journalctl -m -M " + c.name()), c.path() + "/journal"));
        }
        notes.add(new Note(heading, "Enter the running container:",
                List.of("machinectl shell " + c.name(),
                        "nsenter --target \"$(machinectl show " + c.name() + " -p Leader --value)\" --all /bin/bash"),
                c.path()));
        return notes;
    }

}
