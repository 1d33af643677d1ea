package dev.berth.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs {@code systemd-analyze verify} on a directory of units, offline, inside a scratch root that
 * holds stand-ins for the targets and programs the units refer to (systemd-facts.md: under --root
 * everything is looked up inside the root).
 */
public final class SystemdVerify {
    private static final List<String> STAND_IN_UNITS = List.of("sysinit.target", "sockets.target", "basic.target",
            "shutdown.target", "multi-user.target", "paths.target", "timers.target", "slices.target", "local-fs.target",
            "network.target", "network-online.target", "machines.target", "system.slice", "machine.slice");
    private static final Pattern EXEC = Pattern.compile("^Exec[A-Za-z]*=[-@+!:]*(/\\S+)", Pattern.MULTILINE);

    /** The relevant part of systemd 252's systemd-nspawn@.service, for machines without systemd-container. */
    private static final String STOCK_NSPAWN_SERVICE = """
            [Unit]
            Description=Container %i
            PartOf=machines.target
            Before=machines.target
            After=network.target

            [Service]
            ExecStart=/usr/bin/systemd-nspawn --quiet --keep-unit --boot --link-journal=try-guest --network-veth -U --settings=override --machine=%i
            KillMode=mixed
            Type=notify
            RestartForceExitStatus=133
            SuccessExitStatus=133
            Slice=machine.slice
            Delegate=yes
            TasksMax=16384

            [Install]
            WantedBy=machines.target
            """;

    /** What systemd-analyze printed (everything goes to stderr) and its exit status. */
    public record Outcome(int exitCode, String stderr, List<String> units) {
    }

    private SystemdVerify() {
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/systemd-analyze"));
    }

    /**
     * @param unitDir  a directory holding the units to check (and their .wants links and drop-ins)
     * @param scratch  an empty directory to build the root in
     */
    public static Outcome verify(Path unitDir, Path scratch) throws IOException, InterruptedException {
        Path etc = scratch.resolve("etc/systemd/system");
        Files.createDirectories(etc.getParent());
        copyTree(unitDir, etc);
        Path lib = scratch.resolve("usr/lib/systemd/system");
        Files.createDirectories(lib);
        for (String unit : STAND_IN_UNITS) {
            Files.writeString(lib.resolve(unit), "[Unit]\nDescription=stand-in " + unit + "\n");
        }
        // the stock template the nspawn-unit form configures: the distribution's own where installed
        Path stock = Path.of("/lib/systemd/system/systemd-nspawn@.service");
        if (Files.isRegularFile(stock)) {
            Files.copy(stock, lib.resolve(stock.getFileName().toString()));
        } else {
            Files.writeString(lib.resolve("systemd-nspawn@.service"), STOCK_NSPAWN_SERVICE);
        }
        List<String> units = new ArrayList<>();
        try (Stream<Path> files = Files.list(etc)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || !(name.endsWith(".service") || name.endsWith(".socket"))) {
                    continue;
                }
                units.add(name.contains("@.") ? name.replace("@.", "@verify.") : name);
                if (name.startsWith("systemd-nspawn@") && name.endsWith(".socket")) {
                    // the stock service it activates, with berth's drop-in
                    units.add(name.replace(".socket", ".service"));
                    Path nspawn = scratch.resolve("usr/bin/systemd-nspawn");
                    Files.createDirectories(nspawn.getParent());
                    Files.writeString(nspawn, "#!/bin/sh\n");
                    nspawn.toFile().setExecutable(true);
                }
                Matcher exec = EXEC.matcher(Files.readString(f));
                while (exec.find()) {
                    Path program = scratch.resolve(exec.group(1).substring(1));
                    Files.createDirectories(program.getParent());
                    Files.writeString(program, "#!/bin/sh\n");
                    program.toFile().setExecutable(true);
                }
            }
        }
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify", "--man=no",
                "--recursive-errors=yes", "--root=" + scratch));
        command.addAll(units);
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("systemd-analyze verify did not finish in 60 s");
        }
        return new Outcome(p.exitValue(), stderr, units);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path src : walk.toList()) {
                Path dst = to.resolve(from.relativize(src).toString());
                if (Files.isSymbolicLink(src)) {
                    Files.createDirectories(dst.getParent());
                    Files.createSymbolicLink(dst, Files.readSymbolicLink(src));
                } else if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst);
                }
            }
        }
    }
}
