package dev.berth.plan;

import static dev.berth.plan.SystemAction.Phase.AFTER_FILES;
import static dev.berth.plan.SystemAction.Phase.BEFORE_FILES;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The systemctl calls a live host needs after its unit files change. Derived from the changed paths and
 * systemd's own naming rule (X.socket activates X.service), so it needs no knowledge of the config.
 *
 * <ul>
 * <li>{@code daemon-reload} once, after the files, when any host unit file changed.</li>
 * <li>New sockets are {@code start}ed, not {@code enable --now}d: berth writes the sockets.target.wants
 * link itself (what enable would do) and the manifest owns it; a second writer would only blur that.
 * A berth socket that is not listening is started too, so a re-run after a failed start converges.</li>
 * <li>A changed socket is restarted when it listens. systemd refuses to start a socket whose service is
 * running, so a running container is stopped first; the next connection boots it with the new units.</li>
 * <li>A changed service (or drop-in) is restarted only when it is running; otherwise the next connection
 * starts it with the new unit, and stopping nothing is the least surprise.</li>
 * <li>Units that left the config are stopped before their files go, while systemd still knows them;
 * deleting the wants link is the disable.</li>
 * <li>Units in guest roots are never started from the host: the guest's systemd reads them at its next boot.</li>
 * </ul>
 * An offline root gets no actions at all, only a note saying so.
 */
final class SystemActionPlanner {
    private static final String HOST_UNITS = HostChecks.HOST_UNITS;
    private final Target target;

    SystemActionPlanner(Target target) {
        this.target = target;
    }

    /** @param desired every path of the tree to install, in path order */
    void plan(List<Change> changes, Set<String> desired, List<GuestRoot> guests,
              List<SystemAction> actions, List<String> notes) {
        boolean hostUnitsChange = changes.stream().anyMatch(c -> c.path().startsWith(HOST_UNITS));
        if (!target.live()) {
            if (hostUnitsChange) {
                notes.add("offline root: berth runs no systemctl here. The enablement links it writes are what "
                        + "systemctl --root=" + target.root() + " enable would create; a systemd booting from this root "
                        + "reads the units and starts the sockets");
            }
            guestNotes(changes, guests, notes);
            return;
        }
        Set<String> removed = new TreeSet<>();
        Set<String> created = new TreeSet<>();
        Set<String> changedSockets = new TreeSet<>();
        Set<String> changedServices = new TreeSet<>();
        for (Change c : changes) {
            Optional<UnitPath> unit = UnitPath.of(c.path());
            if (unit.isEmpty() || unit.get().link()) {
                continue;
            }
            String name = unit.get().unit();
            if (!unit.get().dropIn() && c.action() == Action.DELETE) {
                removed.add(name);
            } else if (!unit.get().dropIn() && c.action() == Action.CREATE) {
                created.add(name);
            } else if (name.endsWith(".socket")) {
                changedSockets.add(name);
            } else if (name.endsWith(".service")) {
                changedServices.add(name);
            }
        }
        changedSockets.removeAll(removed);
        changedSockets.removeAll(created);
        changedServices.removeAll(removed);
        changedServices.removeAll(created);

        // sockets first, so that no connection starts a service that is about to be stopped
        List<String> stopping = new ArrayList<>();
        removed.stream().filter(u -> u.endsWith(".socket")).forEach(stopping::add);
        removed.stream().filter(u -> !u.endsWith(".socket")).forEach(stopping::add);
        for (String unit : stopping) {
            if (target.host().isActive(unit)) {
                actions.add(SystemAction.systemctl(BEFORE_FILES, "left the config; stopped while systemd still knows it",
                        "stop", unit));
            }
        }
        if (hostUnitsChange) {
            actions.add(SystemAction.systemctl(AFTER_FILES, "host unit files changed", "daemon-reload"));
        }
        Set<String> stoppedServices = new LinkedHashSet<>();
        for (String socket : changedSockets) {
            String service = serviceOf(socket);
            if (target.host().isActive(service)) {
                actions.add(SystemAction.systemctl(AFTER_FILES, socket + " changed and systemd cannot re-bind it while "
                        + service + " runs; the next connection starts it again", "stop", service));
                stoppedServices.add(service);
            }
            if (target.host().isActive(socket)) {
                actions.add(SystemAction.systemctl(AFTER_FILES, "its settings changed", "restart", socket));
            } else {
                actions.add(SystemAction.systemctl(AFTER_FILES, "changed and not listening", "start", socket));
            }
        }
        for (String path : desired) {
            Optional<UnitPath> unit = UnitPath.of(path);
            if (unit.isEmpty() || unit.get().link() || unit.get().dropIn() || !unit.get().unit().endsWith(".socket")
                    || changedSockets.contains(unit.get().unit())) {
                continue;
            }
            String socket = unit.get().unit();
            if (created.contains(socket)) {
                actions.add(SystemAction.systemctl(AFTER_FILES, "new socket", "start", socket));
            } else if (!target.host().isActive(socket)) {
                actions.add(SystemAction.systemctl(AFTER_FILES, "berth's socket is not listening", "start", socket));
            }
        }
        for (String service : changedServices) {
            if (stoppedServices.contains(service)) {
                continue;
            }
            if (target.host().isActive(service)) {
                actions.add(SystemAction.systemctl(AFTER_FILES, "its unit changed and it is running: the container "
                        + "restarts with the new unit now", "restart", service));
            } else {
                notes.add(service + " is not running: not restarted; the next connection starts it with the changed unit");
            }
        }
        for (String unit : created) {
            if (unit.endsWith(".service") && !desired.contains(HOST_UNITS + socketOf(unit))) {
                notes.add(unit + " has no socket, so nothing starts it; berth leaves starting it to you: systemctl start " + unit);
            }
        }
        guestNotes(changes, guests, notes);
    }

    private static void guestNotes(List<Change> changes, List<GuestRoot> guests, List<String> notes) {
        // the guest roots that hold a changed path: each path's ancestors looked up, not every root per change
        Set<String> roots = new HashSet<>();
        guests.forEach(g -> roots.add(g.path()));
        Set<String> changedRoots = new HashSet<>();
        for (Change c : changes) {
            String path = c.path();
            for (int slash = path.length(); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                String ancestor = path.substring(0, slash);
                if (roots.contains(ancestor)) {
                    changedRoots.add(ancestor);
                }
            }
        }
        for (GuestRoot guest : guests) {
            boolean changed = changedRoots.contains(guest.path());
            if (changed) {
                notes.add("units in the guest root " + guest.path() + " are not started from the host: the guest's systemd "
                        + "reads them at its next boot (machinectl reboot " + guest.container() + " if it runs)");
            }
        }
    }

    private static String serviceOf(String socket) {
        return socket.substring(0, socket.length() - ".socket".length()) + ".service";
    }

    private static String socketOf(String service) {
        return service.substring(0, service.length() - ".service".length()) + ".socket";
    }

    /**
     * What a path directly below etc/systemd/system/ is to systemd.
     *
     * @param unit   the unit it concerns
     * @param dropIn whether it is a drop-in ({@code X.service.d/*.conf}) of that unit
     * @param link   whether it is an enablement link ({@code T.wants/X}) for that unit
     */
    record UnitPath(String unit, boolean dropIn, boolean link) {
        static Optional<UnitPath> of(String path) {
            if (!path.startsWith(HOST_UNITS)) {
                return Optional.empty();
            }
            String[] parts = path.substring(HOST_UNITS.length()).split("/");
            if (parts.length == 1) {
                return Optional.of(new UnitPath(parts[0], false, false));
            }
            if (parts.length == 2 && parts[0].endsWith(".d")) {
                return Optional.of(new UnitPath(parts[0].substring(0, parts[0].length() - 2), true, false));
            }
            if (parts.length == 2 && (parts[0].endsWith(".wants") || parts[0].endsWith(".requires"))) {
                return Optional.of(new UnitPath(parts[1], false, true));
            }
            return Optional.empty();
        }
    }
}
