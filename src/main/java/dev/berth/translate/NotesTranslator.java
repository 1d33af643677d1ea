package dev.berth.translate;

import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.model.DropIn;
import dev.berth.model.Guest;
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
        for (DropIn d : config.hostDropIns()) {
            notes.add(new Note("Host", "The drop-in " + d.unit() + ".d/" + d.fileName() + " takes effect when the unit "
                    + "is next started; to apply it now:", List.of("systemctl daemon-reload", "systemctl try-restart " + d.unit()),
                    d.path()));
        }
        for (Container c : config.containers()) {
            notes.addAll(containerNotes(c));
        }
        return notes;
    }

    private static List<Note> containerNotes(Container c) {
        String heading = "Container " + c.name();
        List<Note> notes = new ArrayList<>();
        String os = c.guest().flatMap(Guest::os).orElse("");
        String release = c.guest().flatMap(Guest::release).orElse("");
        boolean sshd = c.services().stream().anyMatch(NotesTranslator::runsSshd);
        List<String> debianPackages = new ArrayList<>(List.of("systemd", "systemd-sysv", "dbus"));
        List<String> fedoraPackages = new ArrayList<>(List.of("systemd", "passwd", "dnf", "fedora-release", "vim-minimal"));
        if (sshd) {
            debianPackages.add("openssh-server");
            fedoraPackages.add("openssh-server");
        }
        c.guest().ifPresent(g -> {
            debianPackages.addAll(g.packages());
            fedoraPackages.addAll(g.packages());
        });
        String debootstrap = "debootstrap --arch=amd64 --include=" + String.join(",", debianPackages) + " ";
        List<String> commands = switch (os) {
            case "debian" -> List.of(debootstrap + (release.isEmpty() ? "stable" : release) + " " + c.root() + "/");
            case "ubuntu" -> List.of(debootstrap + (release.isEmpty() ? "noble" : release) + " " + c.root() + "/");
            case "fedora" -> List.of("dnf -y --releasever=" + (release.isEmpty() ? "41" : release) + " --installroot="
                    + c.root() + "/ --disablerepo='*' --enablerepo=fedora install " + String.join(" ", fedoraPackages));
            default -> List.of(debootstrap + "stable " + c.root() + "/",
                    "dnf -y --releasever=41 --installroot=" + c.root() + "/ --disablerepo='*' --enablerepo=fedora install "
                            + String.join(" ", fedoraPackages));
        };
        notes.add(new Note(heading, "The guest's root must hold an operating system with systemd before the first "
                + "connection. berth writes only the units below " + c.root() + "; create the system first"
                + (os.isEmpty() ? " (Debian or Fedora, as you prefer; set guest.os to get one command):" : ":"),
                commands, c.path() + "/root"));
        if (sshd) {
            notes.add(new Note(heading, "The guest's sshd answers through socket activation only. Disable the "
                    + "distribution's own ssh service in the guest, or it also listens on port 22 (and clashes with "
                    + "the host's sshd while the network is shared), and give root a key or a password:",
                    List.of("systemctl --root=" + c.root() + " disable ssh.service sshd.service",
                            "install -d -m 700 " + c.root() + "/root/.ssh"),
                    c.path() + "/services"));
        }
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

    private static boolean runsSshd(Service s) {
        String program = s.command().get(0);
        return program.endsWith("/sshd");
    }
}
