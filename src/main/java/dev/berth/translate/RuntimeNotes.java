package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.Port;
import dev.berth.model.Runtime;
import java.util.ArrayList;
import java.util.List;

/** Why a container runs the way it does: its form, network, idle shutdown, start limits and isolation. */
final class RuntimeNotes {
    private RuntimeNotes() {
    }

    static List<Note> of(Container c) {
        String heading = "Container " + c.name();
        Runtime r = c.runtime();
        List<Note> notes = new ArrayList<>();
        String service = ContainerUnits.service(c);
        switch (r.form()) {
            case MODERN -> notes.add(new Note(heading, service + " runs systemd-nspawn the way systemd-nspawn@.service does: "
                    + "--keep-unit (the container lives in this unit's cgroup), Type=notify with --notify-ready=yes (started "
                    + "means the guest's systemd is up, so a stop right after a start is not lost), "
                    + "KillMode=mixed (SIGTERM to nspawn, which shuts the guest down, then SIGKILL to what is left) and "
                    + "Delegate=yes (the guest's systemd manages its cgroups).", List.of(), c.keyPath("form")));
            case NSPAWN_UNIT -> notes.add(new Note(heading, "The container runs as the distribution's " + service
                    + ", configured by /etc/systemd/nspawn/" + c.name() + ".nspawn; berth's additions are in " + service
                    + ".d/berth.conf. machinectl manages it like any machine:",
                    List.of("machinectl status " + c.name(), "machinectl stop " + c.name()), c.keyPath("form")));
            default -> {
            }
        }
        if (r.network() == Runtime.Network.PRIVATE) {
            notes.add(new Note(heading, "The guest has a private network (loopback only): the sockets the host passes "
                    + "still work, nothing else in it can be reached, and it cannot reach anything. Update its system from "
                    + "the host while it is stopped:", List.of("systemd-nspawn -D " + c.root() + " apt-get update"),
                    c.keyPath("network")));
        } else if (!c.ports().isEmpty()) {
            notes.add(new Note(heading, "The guest shares the host's network, as in the book: anything it listens on by "
                    + "itself is reachable from outside, and its ports must not clash with the host's. network: private "
                    + "isolates it.", List.of(), c.path()));
        }
        r.idleStop().ifPresent(idle -> {
            List<String> proxies = c.ports().stream().map(p -> ContainerUnits.proxy(c, p, ".service")).toList();
            notes.add(new Note(heading, "Idle shutdown: connections go through systemd-socket-proxyd ("
                    + String.join(", ", proxies) + "), which exits after " + idle + " without connections; " + service
                    + " has StopWhenUnneeded=yes and stops with the last proxy. The next connection starts it again. "
                    + "Trade-offs: the guest sees every connection coming from the proxy over a unix socket, not from the "
                    + "client's address (logs and per-client rules inside the guest lose it); each connection takes one more "
                    + "hop through the host; per-connection guest services still get one instance per connection.",
                    List.of(), c.keyPath("idle-stop")));
        });
        if (!c.ports().isEmpty() || r.startLimit().explicit()) {
            notes.add(new Note(heading, service + " may be started " + r.startLimit().burst() + " times in "
                    + r.startLimit().interval() + " (systemd's default is 5 in 10 s, which socket activation with stops "
                    + "in between reaches quickly). Beyond that systemd refuses, and the socket fails with "
                    + "service-start-limit-hit; to serve again:", List.of("systemctl reset-failed " + service + " "
                    + String.join(" ", ContainerNotes.hostSockets(c))), c.keyPath("start-limit")));
        }
        if (r.privateUsers()) {
            notes.add(new Note(heading, "The guest runs in a user namespace of its own: root in the guest is an "
                    + "unprivileged user on the host. systemd-nspawn maps the root's file ownership on start.",
                    List.of(), c.keyPath("private-users")));
        }
        for (Port p : c.ports()) {
            if (p.listen().matches("[0-9]+") && r.network() == Runtime.Network.HOST && p.listen().equals("22")) {
                notes.add(new Note(heading, "Port 22 is usually the host's own sshd: move one of them.", List.of(), p.path()));
            }
        }
        return notes;
    }
}
