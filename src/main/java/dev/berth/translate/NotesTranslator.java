package dev.berth.translate;

import dev.berth.model.Config;
import dev.berth.model.DropIn;
import dev.berth.model.Service;
import java.util.ArrayList;
import java.util.List;

/** What the admin must do by hand: kernel options, creating guest roots, entering containers. */
final class NotesTranslator {
    /** @param containerNotes each container's notes ({@link ContainerNotes#of}), in the config's order */
    List<Note> translate(Config config, List<List<Note>> containerNotes) {
        List<Note> notes = new ArrayList<>();
        notes.add(new Note("Host",
                "Hosts as old as the book's (systemd 197, 2013) must boot with kernel auditing off, because the "
                        + "kernel's audit subsystem was not container aware then and logins in the guest failed: add "
                        + "audit=0 to the kernel command line there. Current hosts (Debian 12: systemd 252, Linux 6.1) "
                        + "run these containers with auditing on. To see what this host does:",
                List.of("grep -ow 'audit=0' /proc/cmdline || echo 'kernel auditing is on'"), "/containers"));
        List<String> sockets = config.containers().stream().flatMap(c -> ContainerNotes.hostSockets(c).stream()).toList();
        if (!sockets.isEmpty()) {
            notes.add(new Note("Host", "berth apply starts the sockets; by hand it is:",
                    List.of("systemctl daemon-reload", "systemctl enable --now " + String.join(" ", sockets)), "/containers"));
        }
        for (DropIn d : config.hostDropIns()) {
            notes.add(new Note("Host", "The drop-in " + d.unit() + ".d/" + d.fileName() + " takes effect when the unit "
                    + "is next started; to apply it now:", List.of("systemctl daemon-reload", "systemctl try-restart " + d.unit()),
                    d.path()));
        }
        containerNotes.forEach(notes::addAll);
        return notes;
    }

    static boolean runsSshd(Service s) {
        String program = s.command().get(0);
        return program.endsWith("/sshd");
    }
}
