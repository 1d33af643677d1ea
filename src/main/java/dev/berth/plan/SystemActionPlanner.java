package dev.berth.plan;

import static dev.berth.plan.SystemAction.Phase.AFTER_FILES;
import static dev.berth.plan.SystemAction.Phase.BEFORE_FILES;

import dev.berth.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

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
 * The state of every unit that decides an action comes from one query, and the actions of one kind go in one
 * systemctl call per phase (systemctl queues all their jobs at once): a thousand containers cost what one costs
 * in processes. The order between kinds is the one above: removed sockets stop before removed services, services
 * that block a changed socket stop before the socket restarts.
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
              List<SystemAction> actions, List<String> notes, List<Diagnostic> warnings) {
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

        Set<String> listed = new TreeSet<>();
        for (String path : desired) {
            UnitPath.of(path).filter(u -> !u.link() && !u.dropIn() && u.unit().endsWith(".socket"))
                    .ifPresent(u -> listed.add(u.unit()));
        }
        // every unit whose state decides an action, asked about in one query
        Set<String> asked = new TreeSet<>(removed);
        asked.addAll(changedServices);
        for (String socket : changedSockets) {
            asked.add(socket);
            asked.add(serviceOf(socket));
        }
        listed.stream().filter(s -> !created.contains(s)).forEach(asked::add);
        Map<String, UnitState> states = asked.isEmpty() ? Map.of() : target.host().units(asked);
        Predicate<String> active = unit -> states.containsKey(unit) && states.get(unit).active();

        // sockets first, so that no connection starts a service that is about to be stopped
        Batch stopSockets = new Batch("stop");
        Batch stopServices = new Batch("stop");
        for (String unit : removed) {
            if (active.test(unit)) {
                (unit.endsWith(".socket") ? stopSockets : stopServices).add(unit, "left the config",
                        "stopped while systemd still knows it");
            }
        }
        stopSockets.addTo(actions, BEFORE_FILES);
        stopServices.addTo(actions, BEFORE_FILES);
        if (hostUnitsChange) {
            actions.add(SystemAction.systemctl(AFTER_FILES, "host unit files changed", "daemon-reload"));
        }
        Batch stopForRebind = new Batch("stop");
        Batch restartSockets = new Batch("restart");
        Batch startSockets = new Batch("start");
        for (String socket : changedSockets) {
            String service = serviceOf(socket);
            if (active.test(service)) {
                stopForRebind.add(service, "its socket changed", "systemd cannot re-bind a socket while its service runs; "
                        + "the next connection starts it again");
            }
            if (active.test(socket)) {
                restartSockets.add(socket, "its settings changed", "");
            } else {
                startSockets.add(socket, "changed and not listening", "");
            }
        }
        for (String socket : listed) {
            if (changedSockets.contains(socket)) {
                continue;
            }
            if (created.contains(socket)) {
                startSockets.add(socket, "new socket", "");
            } else if (!active.test(socket)) {
                startSockets.add(socket, "berth's socket is not listening", "");
            }
        }
        List<PortsInUse.Socket> binding = new ArrayList<>();
        startSockets.units.forEach(socket -> binding.add(socketToBind(socket, changes, false)));
        restartSockets.units.forEach(socket -> binding.add(socketToBind(socket, changes, true)));
        PortsInUse.check(binding, target.host(), warnings);
        Batch restartServices = new Batch("restart");
        for (String service : changedServices) {
            if (stopForRebind.holds(service)) {
                continue;
            }
            if (active.test(service)) {
                restartServices.add(service, "its unit changed and it is running", "the container restarts with the new unit now");
            } else {
                notes.add(service + " is not running: not restarted; the next connection starts it with the changed unit");
            }
        }
        stopForRebind.addTo(actions, AFTER_FILES);
        restartSockets.addTo(actions, AFTER_FILES);
        startSockets.addTo(actions, AFTER_FILES);
        restartServices.addTo(actions, AFTER_FILES);
        for (String unit : created) {
            if (unit.endsWith(".service") && !desired.contains(HOST_UNITS + socketOf(unit))) {
                notes.add(unit + " has no socket, so nothing starts it; berth leaves starting it to you: systemctl start " + unit);
            }
        }
        guestNotes(changes, guests, notes);
    }

    /** A socket about to bind its addresses, with the unit file it is to have: the plan's, else the one in place. */
    private PortsInUse.Socket socketToBind(String socket, List<Change> changes, boolean listening) {
        String path = HOST_UNITS + socket;
        for (Change c : changes) {
            if (c.path().equals(path) && c.after().orElse(null) instanceof FileState.Regular file) {
                return new PortsInUse.Socket(socket, new String(file.bytes(), StandardCharsets.UTF_8), c.origin(), listening);
            }
        }
        String text;
        try {
            text = target.files().readText(path, 1 << 20).orElse("");
        } catch (IOException e) {
            text = ""; // unreadable: apply finds out, and systemd says why
        }
        return new PortsInUse.Socket(socket, text, "", listening);
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

    /**
     * One systemctl call for many units of one kind (systemctl queues all their jobs at once), with why each is
     * there: the reasons in the order first met, each with its units.
     */
    private static final class Batch {
        private final String verb;
        private final Set<String> units = new LinkedHashSet<>();
        private final Map<String, List<String>> byReason = new java.util.LinkedHashMap<>();
        private final Map<String, String> explanations = new java.util.LinkedHashMap<>();

        Batch(String verb) {
            this.verb = verb;
        }

        /** @param explanation said once after the reason's units, may be empty */
        void add(String unit, String reason, String explanation) {
            units.add(unit);
            byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(unit);
            explanations.putIfAbsent(reason, explanation);
        }

        boolean holds(String unit) {
            return units.contains(unit);
        }

        void addTo(List<SystemAction> actions, SystemAction.Phase phase) {
            if (units.isEmpty()) {
                return;
            }
            // one reason is said once; several name their units (the first few: the command names them all)
            List<String> why = new ArrayList<>();
            byReason.forEach((reason, named) -> {
                String explanation = explanations.get(reason);
                String which = byReason.size() == 1 ? "" : ": " + String.join(", ", named.size() > 3
                        ? List.of(named.get(0), named.get(1), "and " + (named.size() - 2) + " more") : named);
                why.add(reason + which + (explanation.isEmpty() ? "" : "; " + explanation));
            });
            List<String> args = new ArrayList<>();
            args.add(verb);
            args.addAll(units);
            actions.add(SystemAction.systemctl(phase, String.join("; ", why), args.toArray(String[]::new)));
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
