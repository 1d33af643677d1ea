package dev.berth.status;

import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.model.Port;
import dev.berth.plan.Manifest;
import dev.berth.plan.Stamp;
import dev.berth.plan.Target;
import dev.berth.plan.UnitState;
import dev.berth.status.HostStatus.ContainerStatus;
import dev.berth.status.HostStatus.Files;
import dev.berth.status.HostStatus.FilesState;
import dev.berth.status.HostStatus.SocketStatus;
import dev.berth.status.HostStatus.UnitStatus;
import dev.berth.translate.ContainerUnits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the status of a root for a config: the manifest and the stamps of the files it lists (never the files
 * themselves), the record of its generations (never what they keep), and on a live host the state of every socket
 * and container unit and the sockets' addresses, one query each, with the details of the containers that run (a
 * third query, for those only: systemd answers it unit by unit).
 */
public final class StatusReader {
    private static final String HOST_UNITS = "etc/systemd/system/";
    private final Target target;

    public StatusReader(Target target) {
        this.target = target;
    }

    /** @param digest the config's identity ({@code ConfigIdentity}), to tell whether it is the one last applied */
    public HostStatus read(Config config, Optional<String> digest) {
        return target.files().session(() -> {
            Optional<Manifest> manifest = manifest();
            Map<String, List<String>> paths = pathsByContainer(config, manifest.orElse(Manifest.empty()));
            Map<String, Stamp> stamps = stamps(paths);
            List<String> units = new ArrayList<>();
            for (Container c : config.containers()) {
                units.addAll(sockets(c));
                units.add(ContainerUnits.service(c));
            }
            Map<String, UnitState> states = new HashMap<>();
            Map<String, List<String>> listens = Map.of();
            if (target.live()) {
                states.putAll(target.host().units(units));
                listens = target.host().listening(units.stream().filter(u -> u.endsWith(".socket")).toList());
                // since when and how much memory: asked only of the containers that run, and their sockets
                List<String> running = new ArrayList<>();
                for (Container c : config.containers()) {
                    if (states.get(ContainerUnits.service(c)).active()) {
                        running.add(ContainerUnits.service(c));
                        running.addAll(sockets(c));
                    }
                }
                if (!running.isEmpty()) {
                    states.putAll(target.host().properties(running));
                }
            }
            List<ContainerStatus> containers = new ArrayList<>();
            for (Container c : config.containers()) {
                containers.add(container(c, states, listens, files(manifest, paths.get(c.name()), stamps)));
            }
            Optional<Boolean> same = manifest.flatMap(Manifest::config)
                    .map(applied -> digest.map(applied.digest()::equals).orElse(false));
            return new HostStatus(target.root(), target.live(), manifest.isPresent(), same, containers,
                    GenerationsStatus.read(target.files()), ProbesStatus.read(target.files(), config));
        });
    }

    /** The sockets berth owns for the container: its own and, with idle-stop, each port's front socket. */
    static List<String> sockets(Container c) {
        List<String> sockets = new ArrayList<>();
        if (c.ports().isEmpty()) {
            return sockets;
        }
        sockets.add(ContainerUnits.socket(c));
        if (c.runtime().idleStop().isPresent()) {
            c.ports().forEach(p -> sockets.add(ContainerUnits.proxy(c, p, ".socket")));
        }
        return sockets;
    }

    private ContainerStatus container(Container c, Map<String, UnitState> states, Map<String, List<String>> listens,
                                      Files files) {
        List<SocketStatus> sockets = new ArrayList<>();
        for (String socket : sockets(c)) {
            boolean front = c.runtime().idleStop().isEmpty() || !socket.equals(ContainerUnits.socket(c));
            if (!target.live()) {
                sockets.add(new SocketStatus(socket, front, configured(c, socket), false, "", OptionalLong.empty(), OptionalLong.empty()));
                continue;
            }
            UnitState state = states.getOrDefault(socket, UnitState.unknown(socket));
            // SubState is "listening", or "running" while the service it started runs: both hold the socket
            boolean listening = state.active();
            // a socket of a container that does not run has accepted nothing since it started: its counters are 0
            // for berth's sockets, which pass the listening socket on (Accept=no) and never accept themselves
            boolean asked = state.get("NAccepted").isPresent();
            sockets.add(new SocketStatus(socket, front, listens.getOrDefault(socket, List.of()), listening, described(state),
                    asked ? state.number("NAccepted") : listening ? OptionalLong.of(0) : OptionalLong.empty(),
                    asked ? state.number("NConnections") : listening ? OptionalLong.of(0) : OptionalLong.empty()));
        }
        String service = ContainerUnits.service(c);
        UnitStatus unit;
        if (target.live()) {
            UnitState state = states.getOrDefault(service, UnitState.unknown(service));
            boolean running = state.active();
            unit = new UnitStatus(service, described(state), running,
                    running ? state.get("ActiveEnterTimestamp") : Optional.empty(),
                    running ? state.number("MemoryCurrent") : OptionalLong.empty());
        } else {
            unit = new UnitStatus(service, "", false, Optional.empty(), OptionalLong.empty());
        }
        return new ContainerStatus(c.name(), sockets, unit, c.runtime().idleStop(), files);
    }

    /** The addresses the config gives a socket: each port's for the container's own (the backend with idle-stop). */
    private static List<String> configured(Container c, String socket) {
        boolean proxied = c.runtime().idleStop().isPresent();
        List<String> listen = new ArrayList<>();
        for (Port p : c.ports()) {
            if (proxied && socket.equals(ContainerUnits.socket(c))) {
                listen.add(ContainerUnits.backendSocketPath(c, p));
            } else if (!proxied || socket.equals(ContainerUnits.proxy(c, p, ".socket"))) {
                listen.add(p.listen() + " (" + (p.type() == Port.SocketType.STREAM ? "Stream" : "Datagram") + ")");
            }
        }
        return listen;
    }

    private static String described(UnitState state) {
        if (state.loadState().equals("not-found") && !state.active()) {
            return "not-found";
        }
        return state.activeState() + (state.subState().isEmpty() ? "" : " (" + state.subState() + ")");
    }

    /** The manifest, empty when berth has applied nothing here or it cannot be read (then a plan says why). */
    private Optional<Manifest> manifest() {
        try {
            Optional<byte[]> json = target.files().readBytes(Manifest.PATH, Manifest.MAX_BYTES);
            return json.isEmpty() ? Optional.empty() : Optional.of(Manifest.parse(json.get()));
        } catch (IOException | Manifest.Invalid e) {
            return Optional.empty();
        }
    }

    /**
     * The manifest's paths of each container: its host units (with drop-ins and enablement links) and everything
     * below its guest root.
     */
    private static Map<String, List<String>> pathsByContainer(Config config, Manifest manifest) {
        Map<String, String> ownerOfUnit = new HashMap<>();
        Map<String, String> ownerOfRoot = new HashMap<>();
        Map<String, List<String>> paths = new HashMap<>();
        for (Container c : config.containers()) {
            paths.put(c.name(), new ArrayList<>());
            Set<String> units = new LinkedHashSet<>(sockets(c));
            units.add(ContainerUnits.service(c));
            c.ports().forEach(p -> units.add(ContainerUnits.proxy(c, p, ".service")));
            units.forEach(u -> ownerOfUnit.put(u, c.name()));
            ownerOfRoot.putIfAbsent(c.root().substring(1), c.name());
        }
        for (String path : manifest.files().keySet()) {
            String owner = path.startsWith(HOST_UNITS) ? unitOwner(path.substring(HOST_UNITS.length()), ownerOfUnit)
                    : rootOwner(path, ownerOfRoot);
            if (owner != null) {
                paths.get(owner).add(path);
            }
        }
        return paths;
    }

    private static String unitOwner(String below, Map<String, String> ownerOfUnit) {
        String[] parts = below.split("/");
        if (parts.length == 1) {
            return ownerOfUnit.get(parts[0]);
        }
        if (parts.length == 2 && parts[0].endsWith(".d")) {
            return ownerOfUnit.get(parts[0].substring(0, parts[0].length() - 2));
        }
        if (parts.length == 2 && (parts[0].endsWith(".wants") || parts[0].endsWith(".requires"))) {
            return ownerOfUnit.get(parts[1]);
        }
        return null;
    }

    private static String rootOwner(String path, Map<String, String> ownerOfRoot) {
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            String owner = ownerOfRoot.get(path.substring(0, slash));
            if (owner != null) {
                return owner;
            }
        }
        return null;
    }

    /** The stamps of every path of every container, in one pass over the root's metadata. */
    private Map<String, Stamp> stamps(Map<String, List<String>> paths) {
        List<String> all = paths.values().stream().flatMap(List::stream).toList();
        Map<String, Stamp> stamps = new HashMap<>();
        try {
            Stamp[] now = target.files().stamps(all);
            for (int i = 0; i < now.length; i++) {
                if (now[i] != null) {
                    stamps.put(all.get(i), now[i]);
                }
            }
        } catch (IOException e) {
            // no stamps: every path reads as changed, which a plan then explains
        }
        return stamps;
    }

    private static Files files(Optional<Manifest> manifest, List<String> paths, Map<String, Stamp> now) {
        if (manifest.isEmpty() || paths.isEmpty()) {
            return new Files(FilesState.NOT_APPLIED, 0, List.of());
        }
        List<String> changed = new ArrayList<>();
        boolean unstamped = false;
        for (String path : paths) {
            Optional<Stamp> recorded = manifest.get().stamp(path);
            if (recorded.isEmpty()) {
                unstamped = true;
            } else if (!recorded.get().equals(now.get(path))) {
                changed.add(path);
            }
        }
        FilesState state = !changed.isEmpty() ? FilesState.CHANGED : unstamped ? FilesState.UNKNOWN : FilesState.AS_APPLIED;
        return new Files(state, paths.size(), changed);
    }
}
