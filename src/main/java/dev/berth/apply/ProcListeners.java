package dev.berth.apply;

import dev.berth.plan.Listener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host's bound sockets from the kernel's tables under /proc, and which process holds one: its inode among the
 * links of {@code /proc/PID/fd}. Read only when asked; a table or process that cannot be read is left out.
 */
public final class ProcListeners {
    /** TCP's LISTEN and, for UDP, a bound socket without a peer (TCP_CLOSE), as /proc/net prints them. */
    private static final String TCP_LISTEN = "0A";
    private static final String UDP_BOUND = "07";

    private final Path proc;

    public ProcListeners(Path proc) {
        this.proc = proc;
    }

    public List<Listener> listeners() {
        List<Listener> all = new ArrayList<>();
        read("tcp", "tcp", TCP_LISTEN, all);
        read("tcp6", "tcp", TCP_LISTEN, all);
        read("udp", "udp", UDP_BOUND, all);
        read("udp6", "udp", UDP_BOUND, all);
        return all;
    }

    private void read(String table, String protocol, String state, List<Listener> into) {
        List<String> lines;
        try {
            lines = Files.readAllLines(proc.resolve("net").resolve(table), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return; // no such table (no IPv6, say): nothing bound there
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            parse(line, protocol, state).ifPresent(into::add);
        }
    }

    /** One line of a table: {@code sl local rem st tx:rx tr:when retrnsmt uid timeout inode …}, addresses in hex. */
    static java.util.Optional<Listener> parse(String line, String protocol, String state) {
        String[] fields = line.strip().split("\\s+");
        if (fields.length < 10 || !fields[3].equals(state)) {
            return java.util.Optional.empty();
        }
        int colon = fields[1].indexOf(':');
        try {
            String address = address(fields[1].substring(0, colon));
            int port = Integer.parseInt(fields[1].substring(colon + 1), 16);
            return java.util.Optional.of(new Listener(protocol, address, port, Long.parseLong(fields[9])));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The kernel prints each 32-bit word of an address in the host's byte order: little-endian here. */
    static String address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - i) * 2, word * 8 + (3 - i) * 2 + 2), 16);
            }
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        try {
            String text = java.net.InetAddress.getByAddress(bytes).getHostAddress();
            return text.equals("0:0:0:0:0:0:0:0") ? "::" : text;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(hex, e);
        }
    }

    public Map<Long, String> holders(Collection<Long> inodes) {
        Set<String> wanted = new HashSet<>();
        inodes.forEach(i -> wanted.add("socket:[" + i + "]"));
        Map<Long, String> found = new HashMap<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path pid : pids) {
                if (found.size() == wanted.size()) {
                    break;
                }
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(pid.resolve("fd"))) {
                    for (Path fd : fds) {
                        String target = readLink(fd);
                        if (target != null && wanted.contains(target)) {
                            long inode = Long.parseLong(target.substring(8, target.length() - 1));
                            found.putIfAbsent(inode, name(pid) + " (pid " + pid.getFileName() + ")");
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile, or not ours to look at
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    private static String readLink(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static String name(Path pid) {
        try {
            return Files.readString(pid.resolve("comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "a process";
        }
    }
}
