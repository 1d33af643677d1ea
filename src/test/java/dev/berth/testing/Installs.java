package dev.berth.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.apply.Applier;
import dev.berth.apply.LocalRootFileSystem;
import dev.berth.apply.Outcome;
import dev.berth.apply.RootFileSystem;
import dev.berth.load.Source;
import dev.berth.plan.Desired;
import dev.berth.plan.Plan;
import dev.berth.plan.PlanOptions;
import dev.berth.plan.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configs and one-line plan/apply calls for tests that install into temporary roots. */
public final class Installs {
    private Installs() {
    }

    /** A whole config from container blocks. */
    public static String config(String... containers) {
        return "berth: 1\ncontainers:\n" + String.join("", containers);
    }

    /** A container like the book's, with its own port; {@code bootArg} changes one line of its host service. */
    public static String container(String name, int port, String bootArg) {
        return "  " + name + ":\n"
                + "    root: /srv/" + name + "\n"
                + "    guest: {os: debian, release: bookworm}\n"
                + "    mask: [ssh.service]\n"
                + "    boot: {args: [\"" + bootArg + "\"]}\n"
                + "    ports: {ssh: {listen: " + port + "}}\n"
                + "    services:\n"
                + "      sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i], runtime-directory: sshd}\n";
    }

    public static String container(String name, int port) {
        return container(name, port, "3");
    }

    public static final String ALPHA = container("alpha", 2201);
    public static final String BETA = container("beta", 2202);
    public static final String BOTH = config(ALPHA, BETA);

    public static Desired desired(String yaml) {
        Result<Desired> result = Berth.desired(new Source("berth.yaml", yaml));
        assertTrue(result.ok(), () -> "test config does not compile: " + result.diagnostics().all());
        return result.value().get();
    }

    public static Target offline(Path root) {
        return Target.offline(root, new LocalRootFileSystem(root));
    }

    public static Target live(Path root, RecordingHost host) {
        return new Target(root, true, new LocalRootFileSystem(root), host);
    }

    public static Plan plan(Target target, String yaml) {
        return Berth.plan(desired(yaml), target, PlanOptions.DEFAULT);
    }

    /** Plans and applies; the plan must be applicable. */
    public static Outcome apply(Target target, String yaml, RecordingHost host) {
        Plan plan = plan(target, yaml);
        assertTrue(!plan.hasErrors(), () -> "plan has errors: " + plan.diagnostics());
        return new Applier((RootFileSystem) target.files(), host, host, Applier.Progress.NONE).apply(plan);
    }

    public static Outcome apply(Path root, String yaml) {
        return apply(offline(root), yaml, new RecordingHost());
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
