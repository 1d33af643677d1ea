package dev.berth.plan;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.tree.FileNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Compares what a config asks for with what a root holds and writes down, as a {@link Plan}, every step
 * apply must take. Reads only, through {@link RootReader} and {@link LiveHost}.
 *
 * <p>Ownership decides what berth may touch: a path in the manifest is berth's and is updated or removed
 * freely; a path that is not berth's is taken over silently when it already holds what berth would write,
 * taken over with {@code --adopt}, and otherwise refused. Nothing is followed through a symbolic link.
 */
public final class Planner {
    private final Target target;
    private final PlanOptions options;

    public Planner(Target target, PlanOptions options) {
        this.target = target;
        this.options = options;
    }

    /** What applying the config would do. */
    public Plan plan(Desired desired) {
        return plan(desired.tree().entries(), desired.guests(), desired.digest());
    }

    /** What removing everything berth installed would do (the manifest says what that is). */
    public Plan planDestroy() {
        return plan(new TreeMap<>(), List.of(), Optional.empty());
    }

    /**
     * The plan of the config the root was last applied from, made without compiling it: when the manifest
     * records that config ({@code digest}, see {@link AppliedConfig}) and every file it lists still has its
     * recorded {@link Stamp}, the root holds what the config compiles to, so nothing changes and only the host
     * checks are made. The plan is the one {@link #plan(Desired)} would make. Empty when anything differs or
     * cannot be told by stamps; then the config is compiled and every file read.
     */
    public Optional<Plan> planIfUnchanged(String digest) {
        return target.files().session(() -> {
            Findings findings = new Findings();
            Optional<Stamp> written = stamp(Manifest.PATH);
            Optional<byte[]> json = written.isEmpty() || written.get().link() ? Optional.empty() : readManifestBytes();
            if (json.isEmpty() || !Manifest.configDigest(json.get()).equals(Optional.of(digest))) {
                return Optional.empty(); // another config, or none recorded: not worth parsing every entry for
            }
            Manifest before = parseManifest(json.get(), findings);
            if (before == null || !before.config().map(AppliedConfig::digest).equals(Optional.of(digest))) {
                return Optional.empty();
            }
            if (written.isEmpty() || !StampCheck.holds(target.files(), before, written.get())) {
                return Optional.empty();
            }
            AppliedConfig config = before.config().get();
            return Optional.of(conclude(findings, before, before, List.of(), List.of(), before.files().keySet(),
                    config.guests(), config.needs()));
        });
    }

    private Plan plan(SortedMap<String, FileNode> desired, List<GuestRoot> guests, Optional<String> digest) {
        // paths are looked at in order: a root on disk keeps the directories walked last open meanwhile
        return target.files().session(() -> planWalking(desired, guests, digest));
    }

    private Plan planWalking(SortedMap<String, FileNode> desired, List<GuestRoot> guests, Optional<String> digest) {
        Findings findings = new Findings();
        Manifest before = readManifest(findings);
        if (before == null) {
            findings.reportBlocked();
            return new Plan(target.root(), target.live(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    findings.diagnostics, Manifest.empty(), Manifest.empty());
        }
        List<Change> changes = new ArrayList<>();
        List<String> adopted = new ArrayList<>();
        SortedMap<String, FileState> wanted = states(desired);
        Looked looked = lookAll(wanted);
        Map<String, Stamp> stamps = new HashMap<>();
        int at = 0;
        for (Map.Entry<String, FileNode> e : desired.entrySet()) {
            String path = e.getKey();
            if (compare(path, e.getValue(), wanted.get(path), looked.seen[at], before, changes, adopted, findings)
                    && looked.stamps[at] != null) {
                stamps.put(path, looked.stamps[at]); // taken before the read that found the wanted content
            }
            at++;
        }
        for (String path : before.files().keySet()) {
            if (!desired.containsKey(path)) {
                remove(path, before, changes, findings);
            }
        }
        changes.sort(Comparator.comparing(Change::path));
        Map<String, SortedMap<String, String>> needs = desired.isEmpty() ? Map.of() : HostChecks.requirements(desired, guests);
        Manifest after = new Manifest(wanted, stamps, digest.map(d -> new AppliedConfig(d, guests, needs)));
        return conclude(findings, before, after, changes, adopted, desired.keySet(), guests, needs);
    }

    /** The host checks and systemctl actions that follow the file changes, and the plan of it all. */
    private Plan conclude(Findings findings, Manifest before, Manifest after, List<Change> changes, List<String> adopted,
                          Set<String> paths, List<GuestRoot> guests, Map<String, SortedMap<String, String>> needs) {
        List<SystemAction> actions = new ArrayList<>();
        List<String> actionNotes = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        HostChecks checks = new HostChecks(target, options, findings);
        checks.guestRoots(guests, actions);
        if (!paths.isEmpty()) {
            checks.systemd(needs, guests, facts);
        }
        checks.kernel(facts);
        findings.reportBlocked();
        new SystemActionPlanner(target).plan(changes, paths, guests, actions, actionNotes, findings.diagnostics);
        return new Plan(target.root(), target.live(), changes, adopted, actions, actionNotes, facts,
                findings.diagnostics, before, after);
    }

    private Optional<Stamp> stamp(String path) {
        try {
            return target.files().stamp(path);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The manifest, or null when it cannot be trusted (reported): then nothing may be planned. */
    private Manifest readManifest(Findings findings) {
        String path = Manifest.PATH;
        // a regular file is read right away; anything else is looked at to say what it is (looking hashes a file)
        if (!stamp(path).map(stamp -> !stamp.link()).orElse(false)) {
            Observation seen = findings.look(target.files(), path, "");
            if (seen == null || seen instanceof Observation.Blocked) {
                return null;
            }
            if (seen instanceof Observation.Absent) {
                return Manifest.empty();
            }
            if (!(seen instanceof Observation.Present p && p.state() instanceof FileState.Regular)) {
                findings.diagnostics.add(Diagnostic.error(Code.A008, "", path + " under " + target.root() + " is "
                        + describe(seen) + ", not a manifest berth wrote", "move it away and plan again"));
                return null;
            }
        }
        try {
            return parseManifest(target.files().readBytes(path, Manifest.MAX_BYTES).orElse(new byte[0]), findings);
        } catch (IOException e) {
            return cannotUse(e.getMessage(), findings);
        }
    }

    /** The manifest's bytes, or empty when they cannot be read (a plan that compiles then says why). */
    private Optional<byte[]> readManifestBytes() {
        try {
            return target.files().readBytes(Manifest.PATH, Manifest.MAX_BYTES);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The manifest in these bytes, or null when it cannot be trusted (reported). */
    private Manifest parseManifest(byte[] json, Findings findings) {
        try {
            return Manifest.parse(json);
        } catch (Manifest.Invalid e) {
            return cannotUse(e.getMessage(), findings);
        }
    }

    private Manifest cannotUse(String why, Findings findings) {
        findings.diagnostics.add(Diagnostic.error(Code.A008, "", Manifest.PATH + " under " + target.root()
                + " cannot be used: " + why, "move it away and plan again: files that hold what berth "
                + "would write become berth's again, all others are refused as foreign"));
        return null;
    }

    /**
     * What each path of the tree is to hold, hashed once: on several threads for a large tree (ten thousand
     * containers are a hundred thousand files), kept in path order.
     */
    private static SortedMap<String, FileState> states(SortedMap<String, FileNode> desired) {
        List<Map.Entry<String, FileNode>> entries = new ArrayList<>(desired.entrySet());
        FileState[] states = new FileState[entries.size()];
        IntStream range = IntStream.range(0, states.length);
        (states.length >= RootRuns.PARALLEL_FROM ? range.parallel() : range).forEach(i -> states[i] = FileState.of(entries.get(i).getValue()));
        TreeMap<String, FileState> wanted = new TreeMap<>();
        for (int i = 0; i < states.length; i++) {
            wanted.put(entries.get(i).getKey(), states[i]);
        }
        return wanted;
    }

    /** What {@link #lookAll} found, by position in the tree's path order. */
    private record Looked(Object[] seen, Stamp[] stamps) {
    }

    /**
     * What the root holds at each path of the tree: an {@link Observation} or the {@link IOException} reading
     * failed with, and the path's stamp taken just before reading it (null when there is none). A large root is
     * read on several threads, each walking its own run of paths in order (its own session).
     */
    private Looked lookAll(SortedMap<String, FileState> wanted) {
        List<Map.Entry<String, FileState>> entries = new ArrayList<>(wanted.entrySet());
        Object[] seen = new Object[entries.size()];
        Stamp[] stamps = new Stamp[entries.size()];
        RootRuns.forEach(target.files(), entries.size(), RootRuns.PARALLEL_FROM, i -> {
            String path = entries.get(i).getKey();
            stamps[i] = stamp(path).orElse(null);
            seen[i] = Findings.read(target.files(), path,
                    entries.get(i).getValue() instanceof FileState.Regular regular ? regular : null);
        });
        return new Looked(seen, stamps);
    }

    /** Plans the path's change, if any; whether it already holds what berth wants. */
    private boolean compare(String path, FileNode node, FileState want, Object read, Manifest manifest, List<Change> changes,
                            List<String> adopted, Findings findings) {
        Observation seen = findings.record(path, node.origin(), read);
        if (seen == null || seen instanceof Observation.Blocked) {
            return false;
        }
        boolean owned = manifest.owns(path);
        if (seen instanceof Observation.Absent) {
            // an owned path that is missing is simply written again: after an interrupted apply that is the
            // normal case (the manifest claims new paths before they are written), so it deserves no warning
            changes.add(new Change(Action.CREATE, path, Optional.empty(), Optional.of(want), node.origin()));
            return false;
        }
        if (!(seen instanceof Observation.Present present)) {
            findings.diagnostics.add(Diagnostic.error(Code.A007, node.origin(), path + " is " + describe(seen)
                    + " where berth writes a " + (want instanceof FileState.Link ? "symbolic link" : "file"),
                    "move it away; berth never removes directories or special files"));
            return false;
        }
        FileState have = present.state();
        if (have.sameAs(want)) {
            if (!owned) {
                adopted.add(path);
            }
            return true;
        }
        if (owned) {
            FileState recorded = manifest.get(path).orElseThrow();
            if (!recorded.sameAs(have)) {
                findings.diagnostics.add(Diagnostic.warning(Code.A006, node.origin(), path
                        + " no longer holds what berth wrote (changed by someone else); apply replaces it",
                        "describe lasting changes in the config, e.g. as a drop-in"));
            }
        } else if (want instanceof FileState.Regular && have instanceof FileState.Link link) {
            // a planted link is how a guest would aim a write elsewhere: never taken over, not even with --adopt
            findings.diagnostics.add(Diagnostic.error(Code.A003, node.origin(), path + " is a symbolic link to "
                    + link.target() + " that berth did not create, where berth writes a file",
                    "remove the link if it is not needed; berth never writes through a link"));
            return false;
        } else if (want instanceof FileState.Regular w && w.sameContent(have)) {
            adopted.add(path); // the same text with other permissions: berth's own file, only the mode changes
        } else if (options.adopt()) {
            adopted.add(path);
        } else {
            findings.diagnostics.add(Diagnostic.error(Code.A001, node.origin(), path + " exists under " + target.root()
                    + ", was not written by berth and differs from what berth would write",
                    "read the difference with berth plan --adopt, then take the file over with berth apply --adopt, "
                            + "or move it away"));
            return false;
        }
        changes.add(new Change(Action.UPDATE, path, Optional.of(have), Optional.of(want), node.origin()));
        return false;
    }

    private void remove(String path, Manifest manifest, List<Change> changes, Findings findings) {
        Observation seen = findings.look(target.files(), path, "");
        if (seen == null || seen instanceof Observation.Blocked || seen instanceof Observation.Absent) {
            return; // an absent file only leaves the manifest; a blocked one is reported
        }
        if (!(seen instanceof Observation.Present present)) {
            findings.diagnostics.add(Diagnostic.error(Code.A007, "", path + " was installed by berth and is now "
                    + describe(seen), "move it away; berth never removes directories or special files"));
            return;
        }
        if (!manifest.get(path).orElseThrow().sameAs(present.state())) {
            findings.diagnostics.add(Diagnostic.warning(Code.A006, "", path
                    + " no longer holds what berth wrote (changed by someone else); it left the config and apply removes it",
                    "keep a copy first if the change matters"));
        }
        changes.add(new Change(Action.DELETE, path, Optional.of(present.state()), Optional.empty(), ""));
    }

    static String describe(Observation seen) {
        if (seen instanceof Observation.Directory) {
            return "a directory";
        }
        if (seen instanceof Observation.Other o) {
            return "a " + o.what();
        }
        if (seen instanceof Observation.Present p) {
            return p.state() instanceof FileState.Link ? "a symbolic link" : "a file";
        }
        return "missing";
    }

    /** Diagnostics of one planning run; paths behind the same symbolic link are reported once. */
    static final class Findings {
        final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Map<String, Blocked> blocked = new LinkedHashMap<>();

        private record Blocked(boolean symlink, List<String> paths, String origin) {
        }

        /** Looks at a path; returns null when it could not be read (already reported). */
        Observation look(RootReader files, String path, String origin) {
            return record(path, origin, read(files, path, null));
        }

        /** What is at the path, or the failure to read it; keeps no state, so several threads may read. */
        static Object read(RootReader files, String path, FileState.Regular expected) {
            try {
                return expected == null ? files.look(path) : files.look(path, expected);
            } catch (IOException e) {
                return e;
            }
        }

        /** Takes in what {@link #read} found at a path, in path order; null when it could not be read (reported). */
        Observation record(String path, String origin, Object read) {
            if (read instanceof IOException e) {
                diagnostics.add(Diagnostic.error(Code.A009, origin, "cannot read " + path + ": " + e.getMessage(), ""));
                return null;
            }
            Observation seen = (Observation) read;
            if (seen instanceof Observation.Blocked b) {
                blocked.computeIfAbsent(b.component(), c -> new Blocked(b.symlink(), new ArrayList<>(), origin)).paths().add(path);
            }
            return seen;
        }

        void reportBlocked() {
            blocked.forEach((component, b) -> {
                String what = b.paths().size() == 1 ? b.paths().get(0) : b.paths().size() + " paths below it ("
                        + b.paths().get(0) + ", ...)";
                if (b.symlink()) {
                    diagnostics.add(Diagnostic.error(Code.A003, b.origin(), component + " is a symbolic link; berth does "
                            + "not follow links below the root, so it cannot write " + what,
                            "replace the link by a directory (or a bind mount); inside a guest root a link can point "
                                    + "anywhere on the host"));
                } else {
                    diagnostics.add(Diagnostic.error(Code.A007, b.origin(), component + " is not a directory, so berth "
                            + "cannot write " + what, "move it away"));
                }
            });
        }
    }
}
