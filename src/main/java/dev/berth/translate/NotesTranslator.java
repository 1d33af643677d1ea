package dev.berth.translate;

import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.model.Service;
import java.util.ArrayList;
import java.util.List;

/** What the admin must do by hand: kernel options, creating guest roots, entering containers. */
final class NotesTranslator {
    List<Note> translate(Config config) {
        List<Note> notes = new ArrayList<>();
        notes.add(new Note("Host",
                "Hosts as old as the book's (systemd 197, 2013) must boot with kernel auditing off, because the "
                        + "kernel's audit subsystem was not container aware then and logins in the guest failed: add "
                        + "audit=0 to the kernel command line there. Current hosts (Debian 12: systemd 252, Linux 6.1) "
                        + "run these containers with auditing on. To see what this host does:",
                List.of("grep -ow 'audit=0' /proc/cmdline || echo 'kernel auditing is on'"), "/containers"));
        List<String> sockets = config.containers().stream().filter(c -> !c.ports().isEmpty()).map(c -> c.name() + ".socket").toList();
        if (!sockets.isEmpty()) {
            notes.add(new Note("Host", "berth apply starts the sockets; by hand it is:",
                    List.of("systemctl daemon-reload", "systemctl enable --now " + String.join(" ", sockets)), "/containers"));
        }
        for (Container c : config.containers()) {
            notes.addAll(containerNotes(c));
        }
        return notes;
    }

    private static List<Note> containerNotes(Container c) {
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
            notes.add(new Note(heading, "The guest's sshd answers through socket activation only. Disable the "
                    + "distribution's own ssh service in the guest, or it also listens on port 22 (and clashes with "
                    + "the host's sshd while the network is shared), and give root a key or a password:",
                    List.of("systemctl --root=" + c.root() + " disable ssh.service sshd.service",
                            "install -d -m 700 " + c.root() + "/root/.ssh"),
                    c.path() + "/services"));
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

    static boolean runsSshd(Service s) {
        String program = s.exec().get(0);
        return program.endsWith("/sshd");
    }
}
