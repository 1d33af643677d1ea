import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark inputs for N containers: DIR/berth.yaml, and DIR/quadlet/ with the equivalent quadlet
 * input (per container a .container, its .socket and a .container.d drop-in).
 *
 * <p>Each container has two ports on an address of its own (10.0.0.0 + i, ports 22 and 80), a per-connection
 * service (sshd, inetd style) and a native one (lighttpd, handed its listening socket), and a guest drop-in
 * with limits. Run as a single-file program: {@code java bench/Generate.java N DIR}.
 */
public final class Generate {
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java bench/Generate.java N DIR");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir.resolve("quadlet"));
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("berth.yaml"), StandardCharsets.UTF_8)) {
            out.write("# " + n + " generated containers (bench/Generate.java)\nberth: 1\ncontainers:\n");
            for (int i = 1; i <= n; i++) {
                String name = name(i);
                String ip = address(i);
                out.write("  " + name + ":\n"
                        + "    description: Bench container " + i + "\n"
                        + "    root: /srv/" + name + "\n"
                        + "    guest: {os: debian, release: bookworm}\n"
                        + "    boot: {args: [\"3\"]}\n"
                        + "    journal: link\n"
                        + "    kill-mode: process\n"
                        + "    mask: [ssh.service]\n"
                        + "    ports:\n"
                        + "      ssh: {listen: \"" + ip + ":22\", description: SSH of " + name + "}\n"
                        + "      http: {listen: \"" + ip + ":80\"}\n"
                        + "    services:\n"
                        + "      sshd:\n"
                        + "        port: ssh\n"
                        + "        per-connection: true\n"
                        + "        exec: [/usr/sbin/sshd, -i]\n"
                        + "        ignore-failure: true\n"
                        + "        runtime-directory: sshd\n"
                        + "      lighttpd:\n"
                        + "        port: http\n"
                        + "        exec: [/usr/sbin/lighttpd, -D, -f, /etc/lighttpd/lighttpd.conf]\n"
                        + "        restart: on-failure\n"
                        + "    drop-ins:\n"
                        + "      lighttpd.service:\n"
                        + "        limits.conf:\n"
                        + "          limits: {memory-max: 256M, tasks-max: 64}\n");
            }
        }
        Path quadlet = dir.resolve("quadlet");
        for (int i = 1; i <= n; i++) {
            String name = name(i);
            String ip = address(i);
            Files.writeString(quadlet.resolve(name + ".container"), "[Unit]\n"
                    + "Description=Bench container " + i + "\n\n"
                    + "[Container]\n"
                    + "Image=docker.io/library/debian:bookworm\n"
                    + "ContainerName=" + name + "\n"
                    + "Exec=/usr/sbin/lighttpd -D -f /etc/lighttpd/lighttpd.conf\n"
                    + "Volume=/srv/" + name + ":/srv\n"
                    + "Environment=LANG=C.UTF-8\n\n"
                    + "[Service]\n"
                    + "Restart=on-failure\n\n"
                    + "[Install]\n"
                    + "WantedBy=multi-user.target\n");
            Files.writeString(quadlet.resolve(name + ".socket"), "[Unit]\n"
                    + "Description=Sockets of " + name + "\n\n"
                    + "[Socket]\n"
                    + "ListenStream=" + ip + ":22\n"
                    + "ListenStream=" + ip + ":80\n"
                    + "Service=" + name + ".service\n\n"
                    + "[Install]\n"
                    + "WantedBy=sockets.target\n");
            Path dropIns = Files.createDirectories(quadlet.resolve(name + ".container.d"));
            Files.writeString(dropIns.resolve("limits.conf"), "[Service]\nMemoryMax=256M\nTasksMax=64\n");
        }
    }

    static String name(int i) {
        return String.format("c%05d", i);
    }

    /** 10.0.0.0 + i: a distinct address per container, so ports 22 and 80 never clash. */
    static String address(int i) {
        int a = 0x0A000000 + i;
        return (a >>> 24) + "." + (a >>> 16 & 255) + "." + (a >>> 8 & 255) + "." + (a & 255);
    }
}
