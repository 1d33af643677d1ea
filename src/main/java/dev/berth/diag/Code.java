package dev.berth.diag;

import static dev.berth.diag.Anchor.AT_KEY;
import static dev.berth.diag.Anchor.AT_VALUE;
import static dev.berth.diag.Severity.ERROR;
import static dev.berth.diag.Severity.WARNING;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of diagnostic codes. A code never changes meaning once released and is never
 * renumbered; tests and CI filters key on it, not on the wording. The letter names the topic:
 * Y = YAML text, S = schema, N = names, P = ports and sockets, F = file paths, V = values that reach
 * a unit file, C = compatibility with systemd versions and distributions, R = references between parts of
 * the config, D = deprecated input, H = the settings escape hatch, L = resource limits, A = plan and apply
 * (installing into a root).
 *
 * <p>Each entry says how berth reports the code (its severity: warnings for what still works, errors for
 * everything else), where in the file it points (the key, or its value), its topic and its title. A
 * {@link Diagnostic} takes its severity from here, so what plan, apply and validate print is what
 * {@code berth explain CODE} and {@code docs/diagnostics.md} (generated from the catalogue) say.
 *
 * <p>The explanation and the bad and good examples are prose of several lines each, read and reviewed as text:
 * they live in {@code catalogue.txt} beside this class ({@link CodeTexts}), read the first time one is asked
 * for, which printing a diagnostic never does. The title stays here, one line per code: it is what a check that
 * reports a code is written against, so the list below is the index to choose from, and the SARIF rule name is
 * made from it. It belongs to the code's identity more than to its documentation.
 */
public enum Code {
    Y001(ERROR, AT_VALUE, "yaml", "YAML syntax error"),
    Y002(ERROR, AT_KEY, "yaml", "duplicate key"),
    Y003(ERROR, AT_VALUE, "yaml", "input exceeds a loader limit"),
    Y004(ERROR, AT_VALUE, "yaml", "more than one YAML document"),
    Y005(ERROR, AT_VALUE, "yaml", "unsupported YAML construct"),
    Y006(ERROR, AT_VALUE, "yaml", "unreadable file"),

    S001(ERROR, AT_VALUE, "schema", "wrong type"),
    S002(ERROR, AT_KEY, "schema", "unknown key"),
    S003(ERROR, AT_KEY, "schema", "missing required key"),
    S004(ERROR, AT_VALUE, "schema", "value not allowed"),
    S005(ERROR, AT_VALUE, "schema", "value does not match the expected form"),

    N001(ERROR, AT_KEY, "names", "invalid machine name"),
    N002(ERROR, AT_KEY, "names", "invalid unit name"),
    N003(ERROR, AT_KEY, "names", "two things would write the same file"),
    N004(ERROR, AT_KEY, "names", "invalid drop-in file name"),

    R001(ERROR, AT_VALUE, "references", "unknown template"),
    R002(ERROR, AT_VALUE, "references", "import not found"),
    R003(ERROR, AT_VALUE, "references", "import cycle"),
    R004(ERROR, AT_KEY, "references", "defined twice across imports"),
    R005(ERROR, AT_KEY, "references", "not importable"),

    D001(WARNING, AT_VALUE, "deprecated", "deprecated setting converted"),
    D002(ERROR, AT_VALUE, "deprecated", "deprecated and modern setting both given"),

    H001(ERROR, AT_VALUE, "settings", "directive already set by berth"),
    H002(ERROR, AT_VALUE, "settings", "section not valid for this unit"),
    H003(ERROR, AT_VALUE, "settings", "command must be a list"),

    L001(ERROR, AT_VALUE, "limits", "limits on a unit without processes"),

    P001(ERROR, AT_VALUE, "ports", "invalid listen address"),
    P002(ERROR, AT_VALUE, "ports", "the same address is listened on twice"),
    P003(ERROR, AT_VALUE, "ports", "host port claimed by no guest service"),
    P004(ERROR, AT_VALUE, "ports", "unknown port"),
    P005(ERROR, AT_VALUE, "ports", "port claimed twice"),
    P006(ERROR, AT_VALUE, "ports", "per-connection service cannot work this way"),
    P007(ERROR, AT_VALUE, "ports", "idle-stop needs stream ports"),
    P008(WARNING, AT_VALUE, "ports", "port 22 of the host's own sshd"),
    P009(ERROR, AT_VALUE, "ports", "a probe that cannot be run"),

    F001(ERROR, AT_VALUE, "paths", "path must be absolute, normalized and plain"),
    F002(ERROR, AT_VALUE, "paths", "container root in a system directory"),
    F003(ERROR, AT_VALUE, "paths", "the nspawn-unit form needs the root in /var/lib/machines"),

    V001(ERROR, AT_VALUE, "values", "control character in a value"),
    V002(ERROR, AT_VALUE, "values", "value ends with a backslash"),
    V003(ERROR, AT_VALUE, "values", "leading or trailing whitespace"),
    V004(ERROR, AT_VALUE, "values", "empty value"),
    V005(ERROR, AT_VALUE, "values", "value is too long"),
    V006(ERROR, AT_VALUE, "values", "value cannot be written safely in this field"),
    V007(ERROR, AT_VALUE, "values", "command must start with an absolute path"),
    V008(ERROR, AT_VALUE, "values", "value is not valid Unicode"),
    V009(ERROR, AT_KEY, "values", "invalid environment variable name"),
    V010(ERROR, AT_VALUE, "values", "program and arguments in one item"),
    V011(WARNING, AT_VALUE, "values", "shell operator passed as an argument"),

    A001(ERROR, AT_VALUE, "apply", "file exists and is not berth's"),
    A002(ERROR, AT_VALUE, "apply", "another apply holds the lock"),
    A003(ERROR, AT_VALUE, "apply", "path leads through a symbolic link"),
    A004(ERROR, AT_VALUE, "apply", "systemctl failed"),
    A005(WARNING, AT_VALUE, "apply", "guest root holds no operating system"),
    A006(WARNING, AT_VALUE, "apply", "a file berth owns was changed by someone else"),
    A007(ERROR, AT_VALUE, "apply", "something other than a file is in the way"),
    A008(ERROR, AT_VALUE, "apply", "berth's manifest cannot be read"),
    A009(ERROR, AT_VALUE, "apply", "a file operation failed"),
    A010(ERROR, AT_VALUE, "apply", "the root changed after the plan was made"),
    A011(WARNING, AT_VALUE, "apply", "systemd is too old for a setting"),
    A012(ERROR, AT_VALUE, "apply", "guest root cannot be bootstrapped"),
    A013(WARNING, AT_VALUE, "apply", "a port is held by another process"),
    A014(WARNING, AT_VALUE, "apply", "the host lacks a program the containers need"),
    A015(ERROR, AT_VALUE, "apply", "the saved plan is for another build or root"),
    A016(ERROR, AT_VALUE, "apply", "the generation to roll back to is not kept"),
    A017(ERROR, AT_VALUE, "apply", "a container did not answer its probe"),

    C001(WARNING, AT_VALUE, "compat", "service needs a runtime directory"),
    C002(WARNING, AT_KEY, "compat", "deprecated setting"),
    C003(ERROR, AT_KEY, "compat", "setting unknown to the target systemd version"),
    C004(ERROR, AT_KEY, "compat", "unknown directive"),
    C005(WARNING, AT_VALUE, "compat", "the guest's own sshd shares the host's network");

    private final Severity severity;
    private final Anchor anchor;
    private final String topic;
    private final String title;

    Code(Severity severity, Anchor anchor, String topic, String title) {
        this.severity = severity;
        this.anchor = anchor;
        this.topic = topic;
        this.title = title;
    }

    public String id() {
        return name();
    }

    public String topic() {
        return topic;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return CodeTexts.of(this).explanation();
    }

    public String badExample() {
        return CodeTexts.of(this).badExample();
    }

    public String goodExample() {
        return CodeTexts.of(this).goodExample();
    }

    /** Whether the diagnostic is best shown at the key (names, unknown or duplicate keys) rather than its value. */
    public boolean pointsAtKey() {
        return anchor == AT_KEY;
    }

    /** How berth reports this code, everywhere: warnings for what still works, errors for everything else. */
    public Severity severity() {
        return severity;
    }

    public static Optional<Code> find(String id) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(id)).findFirst();
    }
}
