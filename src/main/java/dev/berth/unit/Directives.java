package dev.berth.unit;

import dev.berth.diag.Code;
import dev.berth.schema.DidYouMean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What systemd knows about the directives of the sections berth writes ({@code [Unit]}, {@code [Install]},
 * {@code [Service]}, {@code [Socket]}): which names exist, the version that added each, and which names
 * and values are deprecated in favour of what. Settings the user writes verbatim (an escape hatch, a
 * drop-in) go through {@link #check} before they reach a unit.
 *
 * <pre>
 * Directives.check("Service", "MemoryLimit", "1G", 252)   // C002: use MemoryMax=
 * Directives.check("Service", "ProtectClock", "yes", 239) // C003: needs systemd 245
 * Directives.check("Service", "ExecStrat", "/bin/x", 252) // C004: did you mean ExecStart?
 * </pre>
 *
 * The names come from {@code directives.txt} beside this class (see its header for where they come from).
 */
public final class Directives {
    /** The oldest systemd version the table tells apart from older ones (RHEL 8). */
    public static final int OLDEST = 239;
    /** The newest systemd version whose additions the table records. */
    public static final int NEWEST = 257;
    /** The sections the table covers. */
    public static final List<String> SECTIONS = List.of("Unit", "Install", "Service", "Socket");

    /** The systemd of the book's time: what came later may be missing on an old host. */
    public static final int BOOK = 197;

    /** A known directive; {@code since} 0 means {@value #OLDEST} or earlier (or {@value #BOOK} where it is given). */
    public record Directive(String section, String name, int since) {
    }

    /** A problem with one {@code Key=value} line. Its severity is the code's. */
    public record Problem(Code code, String summary, String hint) {
    }

    private record Replacement(String replacement, String note) {
    }

    private record ValueRule(String section, String name, String valuePrefix, int since, String replacement, String note) {
        boolean matches(String s, String n, String value) {
            return section.equals(s) && name.equals(n)
                    && (valuePrefix.endsWith(":") ? value.startsWith(valuePrefix) : value.equals(valuePrefix));
        }
    }

    private static final Map<String, Map<String, Directive>> TABLE = load();
    private static final Map<String, Integer> INTRODUCED = introduced();

    /** Deprecated names per "Section.Name", with the replacement systemd 252 recommends. */
    private static final Map<String, Replacement> DEPRECATED = deprecated();

    /** Names systemd once had, has dropped and ignores now. */
    private static final Map<String, String> REMOVED = Map.of(
            "Capabilities", "removed from systemd and ignored; use AmbientCapabilities= and CapabilityBoundingSet=",
            "SysVStartPriority", "removed from systemd and ignored; order units with After= and Before=",
            "ControlGroup", "removed from systemd (205); use Slice= and the resource-control settings",
            "ControlGroupModify", "removed from systemd (205); use Delegate=",
            "ControlGroupPersistent", "removed from systemd (205)",
            "ControlGroupAttribute", "removed from systemd (205); use the resource-control settings (CPUWeight=, MemoryMax=, ...)");

    /** Values that are deprecated, or newer than the directive itself. */
    private static final List<ValueRule> VALUES = List.of(
            new ValueRule("Service", "StandardOutput", "syslog", 0, "journal", "syslog output goes through the journal anyway"),
            new ValueRule("Service", "StandardOutput", "syslog+console", 0, "journal+console", ""),
            new ValueRule("Service", "StandardError", "syslog", 0, "journal", "syslog output goes through the journal anyway"),
            new ValueRule("Service", "StandardError", "syslog+console", 0, "journal+console", ""),
            new ValueRule("Service", "KillMode", "none", 0, "mixed",
                    "KillMode=none leaves processes behind and disables systemd's process lifecycle management; "
                            + "use mixed or control-group"),
            new ValueRule("Socket", "KillMode", "none", 0, "mixed",
                    "KillMode=none leaves processes behind; use mixed or control-group"),
            new ValueRule("Service", "Type", "exec", 240, null, ""),
            new ValueRule("Service", "Type", "notify-reload", 253, null, ""),
            new ValueRule("Service", "StandardOutput", "append:", 240, null, ""),
            new ValueRule("Service", "StandardError", "append:", 240, null, ""),
            new ValueRule("Service", "StandardOutput", "truncate:", 248, null, ""),
            new ValueRule("Service", "StandardError", "truncate:", 248, null, ""));

    private Directives() {
    }

    public static Optional<Directive> lookup(String section, String name) {
        return Optional.ofNullable(TABLE.getOrDefault(section, Map.of()).get(name));
    }

    /** Every directive name of a section, in the table's order. */
    public static Set<String> names(String section) {
        return Collections.unmodifiableSet(TABLE.getOrDefault(section, Map.of()).keySet());
    }

    /** The replacement of a deprecated directive, e.g. {@code MemoryMax} for {@code MemoryLimit}. */
    public static Optional<String> replacement(String section, String name) {
        return Optional.ofNullable(DEPRECATED.get(section + "." + name)).map(Replacement::replacement);
    }

    /**
     * Everything wrong with {@code [section] name=value} for a host running systemd {@code target}: an
     * unknown or removed name (C004), a name or value newer than the target (C003), a deprecated name or
     * value (C002). Names starting with {@code X-} are the user's own and always accepted, as systemd does.
     */
    public static List<Problem> check(String section, String name, String value, int target) {
        List<Problem> problems = new ArrayList<>();
        if (name.startsWith("X-") || section.startsWith("X-")) {
            return problems;
        }
        if (!TABLE.containsKey(section)) {
            problems.add(new Problem(Code.C004, "berth does not know the section [" + section + "]",
                    "use one of " + String.join(", ", SECTIONS.stream().map(s -> "[" + s + "]").toList())
                            + ", or prefix your own sections with X-"));
            return problems;
        }
        Optional<Directive> directive = lookup(section, name);
        if (directive.isEmpty()) {
            problems.add(unknown(section, name));
            return problems;
        }
        int since = directive.get().since();
        if (since > target) {
            problems.add(new Problem(Code.C003, name + "= needs systemd " + since + ", but the target is systemd " + target,
                    "the target would ignore it; drop it or raise the target version"));
        }
        Replacement deprecated = DEPRECATED.get(section + "." + name);
        if (deprecated != null) {
            problems.add(new Problem(Code.C002, name + "= is deprecated",
                    "use " + deprecated.replacement() + (deprecated.note().isEmpty() ? "" : " (" + deprecated.note() + ")")));
        }
        for (ValueRule rule : VALUES) {
            if (!rule.matches(section, name, value.strip())) {
                continue;
            }
            if (rule.since() > target) {
                problems.add(new Problem(Code.C003, name + "=" + rule.valuePrefix() + " needs systemd " + rule.since()
                        + ", but the target is systemd " + target, "the target would refuse this value; choose another one"));
            }
            if (rule.replacement() != null) {
                problems.add(new Problem(Code.C002, name + "=" + rule.valuePrefix() + " is deprecated",
                        "use " + name + "=" + rule.replacement() + (rule.note().isEmpty() ? "" : "; " + rule.note())));
            }
        }
        return problems;
    }

    private static Problem unknown(String section, String name) {
        String removed = REMOVED.get(name);
        if (removed != null) {
            return new Problem(Code.C004, name + "= is not a systemd directive any more", removed);
        }
        for (String other : SECTIONS) {
            if (!other.equals(section) && lookup(other, name).isPresent()) {
                return new Problem(Code.C004, name + "= is not a directive of [" + section + "]",
                        "it belongs in [" + other + "]");
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        Optional<String> sameButCase = names(section).stream().filter(n -> n.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
        Optional<String> close = sameButCase.or(() -> DidYouMean.closest(name, names(section)));
        return new Problem(Code.C004, "systemd does not know " + name + "= in [" + section + "]",
                close.map(c -> "did you mean " + c + "=? (directive names are case-sensitive)")
                        .orElse("see systemd.directives(7); prefix your own settings with X-"));
    }

    private static Map<String, Replacement> deprecated() {
        Map<String, Replacement> m = new LinkedHashMap<>();
        for (String s : List.of("Service", "Socket")) {
            m.put(s + ".CPUShares", new Replacement("CPUWeight=", "not a 1:1 rename: weight 1-10000, default 100"));
            m.put(s + ".StartupCPUShares", new Replacement("StartupCPUWeight=", "weight 1-10000, default 100"));
            m.put(s + ".MemoryLimit", new Replacement("MemoryMax=", ""));
            m.put(s + ".BlockIOAccounting", new Replacement("IOAccounting=", ""));
            m.put(s + ".BlockIOWeight", new Replacement("IOWeight=", ""));
            m.put(s + ".StartupBlockIOWeight", new Replacement("StartupIOWeight=", ""));
            m.put(s + ".BlockIODeviceWeight", new Replacement("IODeviceWeight=", ""));
            m.put(s + ".BlockIOReadBandwidth", new Replacement("IOReadBandwidthMax=", ""));
            m.put(s + ".BlockIOWriteBandwidth", new Replacement("IOWriteBandwidthMax=", ""));
            m.put(s + ".ReadOnlyDirectories", new Replacement("ReadOnlyPaths=", ""));
            m.put(s + ".ReadWriteDirectories", new Replacement("ReadWritePaths=", ""));
            m.put(s + ".InaccessibleDirectories", new Replacement("InaccessiblePaths=", ""));
        }
        m.put("Unit.RequiresOverridable", new Replacement("Requires=", "obsolete; systemd reads it as Requires="));
        m.put("Unit.RequisiteOverridable", new Replacement("Requisite=", "obsolete; systemd reads it as Requisite="));
        m.put("Unit.OnFailureIsolate", new Replacement("OnFailureJobMode=isolate", ""));
        m.put("Unit.BindTo", new Replacement("BindsTo=", "the old spelling"));
        m.put("Unit.PropagateReloadTo", new Replacement("PropagatesReloadTo=", "the old spelling"));
        m.put("Unit.PropagateReloadFrom", new Replacement("ReloadPropagatedFrom=", "the old spelling"));
        m.put("Unit.StartLimitInterval", new Replacement("StartLimitIntervalSec=", "the old spelling"));
        for (String moved : List.of("StartLimitInterval", "StartLimitBurst", "StartLimitAction", "FailureAction", "RebootArgument")) {
            String target = moved.equals("StartLimitInterval") ? "StartLimitIntervalSec" : moved;
            m.put("Service." + moved, new Replacement(target + "= in [Unit]", "it moved from [Service] to [Unit]"));
        }
        m.put("Service.PermissionsStartOnly", new Replacement("the '+' prefix on the Exec lines that need full privileges", ""));
        return Collections.unmodifiableMap(m);
    }

    /** Every directive name added after the book's systemd, with the release that added it. */
    public static Map<String, Integer> introducedAfterBook() {
        return INTRODUCED;
    }

    private static Map<String, Integer> introduced() {
        Map<String, Integer> names = new java.util.HashMap<>();
        TABLE.values().forEach(section -> section.values().stream().filter(d -> d.since() > BOOK)
                .forEach(d -> names.merge(d.name(), d.since(), Math::max)));
        return Map.copyOf(names);
    }

    private static Map<String, Map<String, Directive>> load() {
        Map<String, Map<String, Directive>> table = new LinkedHashMap<>();
        SECTIONS.forEach(s -> table.put(s, new LinkedHashMap<>()));
        try (InputStream in = Directives.class.getResourceAsStream("directives.txt")) {
            if (in == null) {
                throw new IllegalStateException("directives.txt is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                table.get(f[0]).put(f[1], new Directive(f[0], f[1], Integer.parseInt(f[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        table.replaceAll((s, m) -> Collections.unmodifiableMap(m));
        return Collections.unmodifiableMap(table);
    }
}
