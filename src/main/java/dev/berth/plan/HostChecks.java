package dev.berth.plan;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.parallel.Parallel;
import dev.berth.translate.ShellCommand;
import dev.berth.tree.FileNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the plan says about the machine itself: guest roots without an operating system, whether the
 * systemd that will read the units knows their settings, and the kernel's audit setting on a live host.
 */
final class HostChecks {
    static final String HOST_UNITS = "etc/systemd/system/";
    /** Where distributions keep libsystemd-shared-N.so: Arch, Fedora, and roots without merged /usr. */
    private static final List<String> SYSTEMD_LIBRARY_DIRS = List.of("usr/lib/systemd", "usr/lib64/systemd", "lib/systemd");
    /** Debian and Ubuntu keep it in the multiarch directory, e.g. usr/lib/x86_64-linux-gnu/systemd. */
    private static final Pattern MULTIARCH = Pattern.compile("[a-z0-9_]+-linux-gnu[a-z0-9_]*");
    private static final Pattern AUDIT_OFF = Pattern.compile("(^|\\s)audit=0(\\s|$)");

    private final Target target;
    private final PlanOptions options;
    private final Planner.Findings findings;

    HostChecks(Target target, PlanOptions options, Planner.Findings findings) {
        this.target = target;
        this.options = options;
        this.findings = findings;
    }

    /**
     * A root without usr/ and etc/os-release holds no system yet: warn, or plan its bootstrap. Then what the
     * containers need of the host they run on ({@link HostProgramCheck}).
     */
    void guestRoots(List<GuestRoot> guests, List<SystemAction> actions) {
        HostProgramCheck.check(target, guests, findings.diagnostics);
        // read on several threads for many guests, then taken in and reported in the config's order
        Object[][] seen = new Object[guests.size()][];
        RootRuns.forEach(target.files(), guests.size(), Parallel.FROM, i -> {
            String path = guests.get(i).path();
            Object root = Planner.Findings.read(target.files(), path, null);
            seen[i] = root instanceof Observation.Directory
                    ? new Object[] {root, Planner.Findings.read(target.files(), path + "/usr", null),
                            Planner.Findings.read(target.files(), path + "/etc/os-release", null)}
                    : new Object[] {root};
        });
        for (int i = 0; i < guests.size(); i++) {
            GuestRoot guest = guests.get(i);
            Observation root = findings.record(guest.path(), guest.origin(), seen[i][0]);
            if (root == null || root instanceof Observation.Blocked || hasSystem(guest, seen[i])) {
                continue;
            }
            // the command runs on this machine: below another root the guest lives at ROOT/srv/...
            String dir = (target.live() ? "" : target.root().toString()) + "/" + guest.path() + "/";
            List<ShellCommand> commands = guest.bootstrap().commands(dir);
            String missing = root instanceof Observation.Absent ? "does not exist" : "holds no operating system (no usr/, no etc/os-release)";
            if (!options.bootstrap()) {
                findings.diagnostics.add(Diagnostic.warning(Code.A005, guest.origin(), "guest root " + guest.path() + " of "
                        + guest.container() + " " + missing + "; the container cannot boot until one is installed",
                        (commands.size() == 1 ? "create it with: " : "create it with one of: ")
                                + commands.stream().map(ShellCommand::shell).collect(Collectors.joining("  or  "))
                                + (guest.bootstrap().chosen() ? "  (or: berth apply --bootstrap)" : "")));
            } else if (commands.size() == 1) {
                actions.add(new SystemAction(SystemAction.Phase.BEFORE_FILES, SystemAction.Kind.BOOTSTRAP, commands.get(0),
                        "guest root " + guest.path() + " " + missing));
            } else {
                findings.diagnostics.add(Diagnostic.error(Code.A012, guest.origin(), "guest root " + guest.path()
                        + " " + missing + " and the config does not say which system to install",
                        "set guest.os (debian, ubuntu or fedora) for " + guest.container()));
            }
        }
    }

    /** Whether a guest root that is a directory holds usr/ or etc/os-release: {@code seen} is what was read. */
    private boolean hasSystem(GuestRoot guest, Object[] seen) {
        if (seen.length == 1) {
            return false;
        }
        Observation usr = findings.record(guest.path() + "/usr", guest.origin(), seen[1]);
        Observation osRelease = findings.record(guest.path() + "/etc/os-release", guest.origin(), seen[2]);
        return usr instanceof Observation.Directory || osRelease instanceof Observation.Present;
    }

    /**
     * One line per systemd that will read units (the host's, each guest's), and warnings for settings it lacks.
     *
     * @param needs what {@link #requirements} found in the tree
     */
    void systemd(Map<String, SortedMap<String, String>> needs, List<GuestRoot> guests, List<String> facts) {
        Optional<Integer> hostVersion;
        String hostSource;
        if (target.live()) {
            hostVersion = target.host().systemdVersion().flatMap(SystemdVersion::fromVersionLine);
            hostSource = "systemctl --version did not say";
        } else {
            hostVersion = installedVersion("");
            hostSource = "no libsystemd-shared-*.so below usr/lib";
        }
        SortedMap<String, String> none = new TreeMap<>();
        check("host", hostSource, hostVersion, needs.getOrDefault("", none), facts);
        List<Optional<Integer>> versions = new ArrayList<>(Collections.nCopies(guests.size(), Optional.empty()));
        RootRuns.forEach(target.files(), guests.size(), Parallel.FROM,
                i -> versions.set(i, installedVersion(guests.get(i).path() + "/")));
        for (int i = 0; i < guests.size(); i++) {
            GuestRoot guest = guests.get(i);
            check("guest " + guest.container(), "no libsystemd-shared-*.so below " + guest.path() + "/usr/lib",
                    versions.get(i), needs.getOrDefault(guest.path(), none), facts);
        }
    }

    private void check(String scope, String source, Optional<Integer> version, SortedMap<String, String> needs,
                       List<String> facts) {
        int needed = needs.keySet().stream().mapToInt(k -> SystemdVersion.SINCE.get(k)).max().orElse(0);
        String need = needed == 0 ? "" : "; its units need " + needed + " or later ("
                + needs.keySet().stream().filter(k -> SystemdVersion.SINCE.get(k) == needed).map(k -> k + "=")
                .collect(Collectors.joining(", ")) + ")";
        if (version.isEmpty()) {
            facts.add(scope + ": systemd version unknown (" + source + ")" + need);
            return;
        }
        facts.add(scope + ": systemd " + version.get() + need);
        for (Map.Entry<String, String> e : needs.entrySet()) {
            int since = SystemdVersion.SINCE.get(e.getKey());
            if (version.get() < since) {
                findings.diagnostics.add(Diagnostic.warning(Code.A011, "", e.getValue() + " uses " + e.getKey() + "=, which "
                        + "systemd " + since + " introduced; the " + scope + " has systemd " + version.get()
                        + " and ignores the line", "upgrade systemd there, or leave the setting out of the config"));
            }
        }
    }

    /**
     * For the host ("") and each guest root: setting name to the first file (sorted) of its unit directory that
     * uses it. One pass over the tree: a file is in a guest's unit directory when the part of its path before an
     * "/etc/systemd/system/" is that guest's root.
     */
    static Map<String, SortedMap<String, String>> requirements(SortedMap<String, FileNode> desired,
                                                                      List<GuestRoot> guests) {
        Map<String, SortedMap<String, String>> needs = new HashMap<>();
        needs.put("", new TreeMap<>());
        guests.forEach(g -> needs.put(g.path(), new TreeMap<>()));
        String guestUnits = "/" + HOST_UNITS;
        desired.forEach((path, node) -> {
            if (!(node instanceof FileNode.RegularFile f)) {
                return;
            }
            Map<String, Integer> settings = null;
            if (path.startsWith(HOST_UNITS)) {
                settings = SystemdVersion.requirements(f.content());
                settings.keySet().forEach(k -> needs.get("").putIfAbsent(k, path));
            }
            for (int at = path.indexOf(guestUnits); at > 0; at = path.indexOf(guestUnits, at + 1)) {
                SortedMap<String, String> guest = needs.get(path.substring(0, at));
                if (guest != null) {
                    if (settings == null) {
                        settings = SystemdVersion.requirements(f.content());
                    }
                    settings.keySet().forEach(k -> guest.putIfAbsent(k, path));
                }
            }
        });
        return needs;
    }

    private Optional<Integer> installedVersion(String prefix) {
        try {
            List<String> dirs = new ArrayList<>(SYSTEMD_LIBRARY_DIRS);
            for (String name : target.files().list(prefix + "usr/lib")) {
                if (MULTIARCH.matcher(name).matches()) {
                    dirs.add("usr/lib/" + name + "/systemd");
                }
            }
            for (String dir : dirs) {
                for (String name : target.files().list(prefix + dir)) {
                    Optional<Integer> version = SystemdVersion.fromLibraryName(name);
                    if (version.isPresent()) {
                        return version;
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // only a hint: an unreadable directory means "unknown"
        }
        return Optional.empty();
    }

    /**
     * Hosts as old as the book's needed audit=0; current ones do not (see NOTES.md). So this is only
     * information, and only on a live host, whose kernel is the one running.
     */
    void kernel(List<String> facts) {
        if (!target.live()) {
            return;
        }
        try {
            Optional<String> cmdline = target.files().readText("proc/cmdline", 64 * 1024);
            if (cmdline.isEmpty()) {
                return;
            }
            facts.add(AUDIT_OFF.matcher(cmdline.get().strip()).find()
                    ? "kernel: audit=0 is set (only hosts as old as systemd 197 need it; see NOTES.md)"
                    : "kernel: auditing is on (no audit=0 in /proc/cmdline), which current systemd handles; see NOTES.md");
        } catch (IOException e) {
            facts.add("kernel: /proc/cmdline cannot be read (" + e.getMessage() + ")");
        }
    }
}
