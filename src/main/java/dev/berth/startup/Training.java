package dev.berth.startup;

import dev.berth.cli.Main;
import dev.berth.cli.Preload;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A training run for the JVM's class-data archive: runs the commands people run (help, validate, compile,
 * plan, apply, plan again, explain, a config with mistakes) in one process, so that the classes they load are
 * what the archive holds. The build runs it once ({@code java -XX:DumpLoadedClassList=... -cp berth.jar
 * dev.berth.startup.Training}); bin/berth does too when it finds no archive for its java. Output is discarded;
 * nothing outside a temporary directory is touched.
 */
public final class Training {
    /** The book's container and a templated site with a drop-in: most of what a config can hold. */
    private static final String CONFIG = """
            berth: 1
            templates:
              site:
                root-parent: /srv/sites
                guest: {os: debian, release: bookworm, packages: [lighttpd]}
                boot: {args: ["3"]}
                journal: link
                kill-mode: process
                limits: {cpu-weight: 50, memory-max: 512M, tasks-max: 256}
                socket: {free-bind: true, backlog: 256}
                services:
                  lighttpd:
                    port: http
                    type: simple
                    exec: [/usr/sbin/lighttpd, -D, -f, /etc/lighttpd/lighttpd.conf]
                    environment: {LANG: C.UTF-8}
                    restart: on-failure
                    sandbox: {protect-home: read-only, inaccessible-paths: [/root]}
            containers:
              mycontainer:
                description: My little container
                root: /srv/mycontainer
                guest: {os: debian, release: bookworm}
                boot: {args: ["3"]}
                journal: link
                kill-mode: process
                mask: [ssh.service]
                ports:
                  ssh: {listen: 23, description: The SSH socket of my little container}
                services:
                  sshd:
                    port: ssh
                    per-connection: true
                    socket: {description: SSH Socket for Per-Connection Servers}
                    description: SSH Per-Connection Server
                    exec: [/usr/sbin/sshd, -i]
                    ignore-failure: true
                    runtime-directory: sshd
                drop-ins:
                  sshd@.service:
                    limits.conf:
                      limits: {memory-max: 256M, tasks-max: 64}
              alice:
                template: site
                description: Site of client alice
                ports:
                  http: {listen: "192.0.2.11:80"}
            """;

    private Training() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("berth-training-");
        try {
            Path config = Files.writeString(dir.resolve("berth.yaml"), CONFIG, StandardCharsets.UTF_8);
            Path broken = Files.writeString(dir.resolve("broken.yaml"), CONFIG.replace("    root: /srv/mycontainer\n",
                    "    rooot: /srv/mycontainer\n").replace("listen: 23", "listen: 99999"), StandardCharsets.UTF_8);
            Path root = Files.createDirectories(dir.resolve("root"));
            String file = config.toString();
            run("--help");
            run("compile", "--help");
            run("--version");
            run("validate", file);
            run("validate", broken.toString());
            run("validate", "--format", "json", broken.toString());
            run("compile", file, "-o", dir.resolve("out").toString());
            run("plan", file, "--root", root.toString());
            run("apply", file, "--root", root.toString());
            run("plan", file, "--root", root.toString());
            run("plan", file, "--root", root.toString(), "--format", "json");
            run("explain", "S002");
            run("destroy", file, "--root", root.toString());
            run("no-such-command");
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(String... args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        Preload.forCommand(args); // as Main.main does
        Main.run(nowhere, nowhere, args);
    }
}
