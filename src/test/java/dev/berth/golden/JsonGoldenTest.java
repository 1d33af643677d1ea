package dev.berth.golden;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.apply.Outcome;
import dev.berth.apply.OutcomeJsonView;
import dev.berth.cli.Cli;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.Diagnostics;
import dev.berth.diag.JsonPrinter;
import dev.berth.diag.Position;
import dev.berth.diag.SarifPrinter;
import dev.berth.plan.Action;
import dev.berth.plan.AppliedConfig;
import dev.berth.plan.Change;
import dev.berth.plan.FileState;
import dev.berth.plan.GuestRoot;
import dev.berth.plan.Manifest;
import dev.berth.plan.Plan;
import dev.berth.plan.PlanJsonView;
import dev.berth.plan.Stamp;
import dev.berth.plan.SystemAction;
import dev.berth.testing.Cases;
import dev.berth.translate.GuestBootstrap;
import dev.berth.translate.ShellCommand;
import dev.berth.tree.TreeCheck;
import dev.berth.tree.TreeCheckView;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.namer.NamerWrapper;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON document berth prints or writes, byte for byte, compared with {@code golden/<case>/*.approved.json}:
 * the diagnostics ({@code validate.approved.json}), SARIF, the plan, apply's plan and outcome, the manifest and
 * {@code compile --check} of examples and invalid configs, run through the command line; and in
 * {@code golden/json-escapes/} each document holding strings with quotes, control characters, non-ASCII
 * characters, line and paragraph separators and lone surrogates. Temporary paths become {@code <root>} or
 * {@code <dir>}, berth's version {@code <version>}, and what changes from run to run (the config's digest, which
 * includes berth's build; the files' times and inodes) fixed values.
 */
class JsonGoldenTest {
    private static final Path ESCAPES = Cases.GOLDEN.resolve("json-escapes");
    private static final String HOSTILE = "q\"b\\s/ t\t n\n r\r b\b f\f nul\u0000 esc\u001b del\u007f é ü ∑ 😀 \u2028 \u2029"
            + " lone\ud800 \udc00end \ufeff";

    @TempDir
    Path dir;
    private final List<Executable> comparisons = new ArrayList<>();

    static Stream<Cases.Case> examples() {
        return Cases.examples().stream().filter(c -> List.of("book-ssh-container", "resource-limits").contains(c.name()));
    }

    static Stream<Cases.Case> invalid() {
        return Cases.all().stream().filter(c -> List.of("invalid-schema", "errors-semantic").contains(c.name()));
    }

    static Stream<Cases.Case> examplesAndInvalid() {
        return Stream.concat(examples(), invalid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesAndInvalid")
    void diagnostics(Cases.Case c) {
        verify(c.goldenDir(), "validate", Cli.run("validate", "--format", "json", relative(c)).out());
    }

    /** The whole catalogue is in each log, so only two: a valid config and an invalid one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesAndInvalid")
    void sarif(Cases.Case c) {
        if (List.of("book-ssh-container", "invalid-schema").contains(c.name())) {
            verify(c.goldenDir(), "sarif", withoutVersion(Cli.run("validate", "--format", "sarif", relative(c)).out()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void planAndApply(Cases.Case c) throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Cli plan = Cli.run("plan", relative(c), "--root", root.toString(), "--format", "json");
        Cli apply = Cli.run("apply", relative(c), "--root", root.toString(), "--format", "json");

        verify(c.goldenDir(), "plan", plan.out().replace(root.toString(), "<root>"));
        verify(c.goldenDir(), "apply", apply.out().replace(root.toString(), "<root>"));
    }

    /** An invalid config has no plan: plan, apply and compile --check print the diagnostics document. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidConfigsPrintTheirDiagnostics(Cases.Case c) throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        String diagnostics = Cli.run("validate", "--format", "json", relative(c)).out();

        assertEquals(diagnostics, Cli.run("plan", relative(c), "--root", root.toString(), "--format", "json").out());
        assertEquals(diagnostics, Cli.run("apply", relative(c), "--root", root.toString(), "--format", "json").out());
        assertEquals(diagnostics, Cli.run("compile", relative(c), "-o", dir.resolve("out").toString(), "--check", "--format",
                "json").out());
    }

    /** After an apply: a unit edited by hand, a link removed, a foreign file where berth writes one. */
    @Test
    void planOfADriftedRootAndApplyAgain() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path golden = Cases.GOLDEN.resolve("book-ssh-container");
        String config = "examples/book-ssh-container.yaml";
        assertEquals(0, Cli.run("apply", config, "--root", root.toString()).status());
        Path unit = root.resolve("etc/systemd/system/mycontainer.service");
        Files.writeString(unit, Files.readString(unit).replace("-b", "--boot") + "# edited\n");
        Files.delete(root.resolve("etc/systemd/system/sockets.target.wants/mycontainer.socket"));

        Cli plan = Cli.run("plan", config, "--root", root.toString(), "--format", "json");
        Cli apply = Cli.run("apply", config, "--root", root.toString(), "--format", "json");
        Cli again = Cli.run("apply", config, "--root", root.toString(), "--format", "json");

        verify(golden, "plan-drifted", plan.out().replace(root.toString(), "<root>"));
        verify(golden, "apply-drifted", apply.out().replace(root.toString(), "<root>"));
        verify(golden, "apply-unchanged", again.out().replace(root.toString(), "<root>"));
        verify(golden, "manifest", new Manifest(Manifest.parse(Files.readAllBytes(root.resolve(Manifest.PATH))).files()).toJson());
        verify(golden, "manifest-stamped", steady(Manifest.parse(Files.readAllBytes(root.resolve(Manifest.PATH)))).toJson());
    }

    @Test
    void compileCheck() throws IOException {
        Path out = dir.resolve("out");
        String config = "examples/book-ssh-container.yaml";
        assertEquals(0, Cli.run("compile", config, "-o", out.toString()).status());
        Path unit = out.resolve("etc/systemd/system/mycontainer.socket");
        Files.writeString(unit, Files.readString(unit) + "# edited\n");
        Files.writeString(out.resolve("etc/systemd/system/old.socket"), "[Socket]\n");

        Cli stale = Cli.run("compile", config, "-o", out.toString(), "--check", "--format", "json");

        verify(Cases.GOLDEN.resolve("book-ssh-container"), "check", stale.out().replace(out.toString(), "<dir>"));
    }

    @Test
    void stringsAreEscapedAsBefore() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.add(Diagnostic.error(Code.V001, "/containers/" + HOSTILE, "summary " + HOSTILE, "hint " + HOSTILE)
                .at(new Position("dir/ü " + HOSTILE + ".yaml", 3, 5, 4)));
        diagnostics.add(Diagnostic.warning(Code.A005, "/containers/x", HOSTILE, ""));

        verify(ESCAPES, "diagnostics", print(new JsonPrinter(), diagnostics));
        verify(ESCAPES, "sarif", print(new SarifPrinter(HOSTILE), diagnostics));
        verify(ESCAPES, "plan", new PlanJsonView().render(hostilePlan(), diagnostics.sorted()));
        verify(ESCAPES, "outcome", new OutcomeJsonView().render(hostileOutcome()) + "\n");
        verify(ESCAPES, "check", TreeCheckView.json(new TreeCheck.Result(2, List.of(
                new TreeCheck.Difference(TreeCheck.Kind.STALE, "etc/" + HOSTILE, HOSTILE),
                new TreeCheck.Difference(TreeCheck.Kind.EXTRA, "etc/x", ""))), "out/" + HOSTILE, diagnostics.sorted()));
        verify(ESCAPES, "manifest", hostileManifest().toJson());
    }

    @Test
    void emptyDocuments() {
        Diagnostics none = new Diagnostics();
        Plan plan = new Plan(Path.of("/"), true, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                Manifest.empty(), Manifest.empty());

        verify(ESCAPES, "empty-diagnostics", print(new JsonPrinter(), none));
        verify(ESCAPES, "empty-sarif", print(new SarifPrinter(""), none));
        verify(ESCAPES, "empty-plan", new PlanJsonView().render(plan, List.of()));
        verify(ESCAPES, "empty-outcome", new OutcomeJsonView().render(new Outcome(List.of(), Optional.empty(), List.of())) + "\n");
        verify(ESCAPES, "empty-check", TreeCheckView.json(new TreeCheck.Result(0, List.of()), "", List.of()));
        verify(ESCAPES, "empty-manifest", Manifest.empty().toJson());
    }

    private static Plan hostilePlan() {
        FileState.Regular old = FileState.Regular.of("[Unit]\nDescription=" + HOSTILE + "\n", 0644);
        FileState.Regular now = FileState.Regular.of("[Unit]\nDescription=new " + HOSTILE + "\n", 0755);
        List<Change> changes = List.of(
                new Change(Action.CREATE, "etc/a " + HOSTILE, Optional.empty(), Optional.of(now), "/containers/" + HOSTILE),
                new Change(Action.UPDATE, "etc/b", Optional.of(old), Optional.of(now), "/containers/b"),
                new Change(Action.UPDATE, "etc/c", Optional.of(now), Optional.of(new FileState.Link("../" + HOSTILE)), "/c"),
                new Change(Action.DELETE, "etc/d", Optional.of(new FileState.Link("x")), Optional.empty(), ""));
        List<SystemAction> actions = List.of(
                new SystemAction(SystemAction.Phase.BEFORE_FILES, SystemAction.Kind.SYSTEMCTL,
                        ShellCommand.of("systemctl", "stop", HOSTILE), "why " + HOSTILE),
                new SystemAction(SystemAction.Phase.AFTER_FILES, SystemAction.Kind.BOOTSTRAP,
                        ShellCommand.of("x"), ""));
        return new Plan(Path.of("/var/lib/q\"b\\s t\t n\n esc\u001b ü 😀 \u2028"), false, changes, List.of("etc/a " + HOSTILE, "etc/z"), actions,
                List.of("note " + HOSTILE), List.of("host: " + HOSTILE, "kernel"),
                List.of(Diagnostic.error(Code.A004, "/x", "failed " + HOSTILE, HOSTILE)), Manifest.empty(), Manifest.empty());
    }

    private static Outcome hostileOutcome() {
        Outcome.Step done = new Outcome.Step(Outcome.Stage.FILES, "+ etc/" + HOSTILE);
        Outcome.Step failed = new Outcome.Step(Outcome.Stage.AFTER_FILES, "systemctl start " + HOSTILE);
        Outcome.Step notRun = new Outcome.Step(Outcome.Stage.BEFORE_FILES, HOSTILE);
        return new Outcome(List.of(done, new Outcome.Step(Outcome.Stage.FILES, "- x")),
                Optional.of(new Outcome.Failure(failed, Diagnostic.error(Code.A004, "/x", "summary " + HOSTILE, "hint " + HOSTILE),
                        "detail " + HOSTILE, List.of(new Outcome.UnitOutcome(HOSTILE + ".socket", false, "failed " + HOSTILE),
                        new Outcome.UnitOutcome("b.socket", true, "active (listening)")))), List.of(notRun));
    }

    private static Manifest hostileManifest() {
        TreeMap<String, FileState> files = new TreeMap<>();
        files.put("etc/a", FileState.Regular.of("text", 0640));
        files.put("etc/b " + HOSTILE, new FileState.Link("../" + HOSTILE));
        files.put("etc/c", FileState.Regular.of("", 0755));
        AppliedConfig config = new AppliedConfig("0".repeat(64), List.of(
                new GuestRoot(HOSTILE, "srv/" + HOSTILE, "/containers/" + HOSTILE, new GuestBootstrap("debian", HOSTILE, true,
                        List.of("vim", HOSTILE))),
                new GuestRoot("b", "srv/b", "/containers/b/root", new GuestBootstrap("fedora", "40", false, List.of()))),
                Map.of("", new TreeMap<>(Map.of("RuntimeDirectoryPreserve", "etc/a", "ProtectProc", HOSTILE)),
                        "srv/" + HOSTILE, new TreeMap<>(Map.of("ProtectProc", "srv/x"))));
        return new Manifest(files, Map.of("etc/a", new Stamp(false, 0640, 4, Long.MAX_VALUE, "(dev=fe00,ino=" + HOSTILE + ")"),
                "etc/b " + HOSTILE, new Stamp(true, 0, 0, Long.MIN_VALUE, "")), Optional.of(config));
    }

    /** The manifest with what differs from run to run fixed: the config's digest, each file's time and identity. */
    private static Manifest steady(Manifest manifest) {
        Map<String, Stamp> stamps = new HashMap<>();
        long[] time = {1796407202000000000L};
        manifest.files().forEach((path, state) -> manifest.stamp(path).ifPresent(s -> stamps.put(path,
                new Stamp(s.link(), s.mode(), s.size(), time[0]++, "(dev=fe00,ino=" + stamps.size() + ")"))));
        return new Manifest(manifest.files(), stamps, manifest.config().map(c -> new AppliedConfig("f".repeat(64), c.guests(),
                c.needs())));
    }

    private static String print(dev.berth.diag.DiagnosticPrinter printer, Diagnostics diagnostics) {
        StringWriter text = new StringWriter();
        printer.print(diagnostics, new PrintWriter(text));
        return text.toString();
    }

    /** The config as a path relative to the project, as berth then prints it: the same on every machine. */
    private static String relative(Cases.Case c) {
        return Cases.ROOT.relativize(c.input()).toString();
    }

    private static String withoutVersion(String sarif) {
        return sarif.replaceFirst("\"name\": \"berth\", \"version\": \"[^\"]*\"", "\"name\": \"berth\", \"version\": \"<version>\"");
    }

    /** Compared after the test, all of them, so that one failing run leaves every .received file to read. */
    private void verify(Path golden, String what, String json) {
        Options options = new Options().withReporter(new QuietReporter())
                .forFile().withNamer(new NamerWrapper(() -> what, () -> golden + "/"))
                .forFile().withExtension(".json");
        comparisons.add(() -> Approvals.verify(json, options));
    }

    @AfterEach
    void compare() throws IOException {
        removeLinks(); // masks link to /dev/null, which JUnit would warn about when it deletes the directory
        assertAll(comparisons);
    }

    private void removeLinks() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path link : walk.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
    }
}
