package dev.berth.plan;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Before a live host's sockets are started: the addresses they are to listen on that another process holds now,
 * read from the kernel's socket tables. Starting such a socket fails ("Address already in use") after every file
 * is written; the plan says so first, per port, naming the process where it can.
 */
final class PortsInUse {
    /** systemd itself: for a socket that listens now and is restarted, the holder of its port is that socket. */
    private static final String SYSTEMD = "(pid 1)";

    /** A socket to check: its unit, the text of its unit file, its config path, whether it listens now. */
    record Socket(String unit, String text, String origin, boolean listening) {
    }

    private record Wanted(String protocol, Optional<String> address, int port) {
    }

    private PortsInUse() {
    }

    static void check(List<Socket> sockets, LiveHost host, List<Diagnostic> into) {
        if (sockets.isEmpty()) {
            return;
        }
        List<Listener> bound = host.listeners();
        if (bound.isEmpty()) {
            return;
        }
        record Clash(Socket socket, Wanted wanted, Listener holder) {
        }
        List<Clash> clashes = new ArrayList<>();
        for (Socket socket : sockets) {
            Set<String> reported = new HashSet<>();
            for (Wanted wanted : wanted(socket.text())) {
                for (Listener l : bound) {
                    if (l.protocol().equals(wanted.protocol()) && l.port() == wanted.port() && overlaps(wanted, l)
                            && reported.add(wanted.protocol() + "/" + wanted.port())) {
                        clashes.add(new Clash(socket, wanted, l));
                    }
                }
            }
        }
        if (clashes.isEmpty()) {
            return;
        }
        Map<Long, String> holders = host.holders(clashes.stream().map(c -> c.holder().inode()).toList());
        for (Clash c : clashes) {
            Optional<String> holder = Optional.ofNullable(holders.get(c.holder().inode()));
            if (c.socket().listening() && holder.map(h -> h.endsWith(SYSTEMD)).orElse(true)) {
                continue; // most likely the socket itself, which its restart re-binds
            }
            String port = c.wanted().port() + "/" + c.wanted().protocol();
            into.add(Diagnostic.warning(Code.A013, c.socket().origin(), "port " + port + ", where " + c.socket().unit()
                    + " is to listen, is held by " + holder.orElse("another process") + " on " + c.holder().shown(),
                    "stop that process or give the container another port; otherwise systemctl "
                            + (c.socket().listening() ? "restart " : "start ") + c.socket().unit()
                            + " fails with 'Address already in use' once the files are written"));
        }
    }

    /** The addresses of the unit's ListenStream= and ListenDatagram= lines that are ports (not paths). */
    private static List<Wanted> wanted(String text) {
        List<Wanted> wanted = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String protocol = line.startsWith("ListenStream=") ? "tcp" : line.startsWith("ListenDatagram=") ? "udp" : null;
            if (protocol == null) {
                continue;
            }
            String value = line.substring(line.indexOf('=') + 1).strip();
            int colon = value.lastIndexOf(':');
            try {
                if (value.matches("\\d+")) {
                    wanted.add(new Wanted(protocol, Optional.empty(), Integer.parseInt(value)));
                } else if (colon > 0 && value.substring(colon + 1).matches("\\d+") && !value.startsWith("/")
                        && !value.startsWith("@") && !value.startsWith("vsock:")) {
                    String address = value.substring(0, colon).replace("[", "").replace("]", "");
                    wanted.add(new Wanted(protocol, Optional.of(normal(address)), Integer.parseInt(value.substring(colon + 1))));
                }
            } catch (NumberFormatException | UnknownHostException e) {
                // not an address berth writes (it checked the config): systemd will say
            }
        }
        return wanted;
    }

    /** Whether binding {@code wanted} collides with {@code l}: the same address, or either is any address. */
    private static boolean overlaps(Wanted wanted, Listener l) {
        if (wanted.address().isEmpty() || l.wildcard()) {
            return true;
        }
        String address = wanted.address().get();
        if (address.equals("0.0.0.0") || address.equals("::")) {
            return true;
        }
        try {
            return normal(l.address()).equals(address);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A literal address in one spelling ({@code ::1} and {@code 0:0:0:0:0:0:0:1} alike); never a name lookup. */
    private static String normal(String literal) throws UnknownHostException {
        if (!literal.matches("[0-9A-Fa-f.:%]+")) {
            throw new UnknownHostException(literal);
        }
        String text = InetAddress.getByName(literal).getHostAddress();
        return text.equals("0:0:0:0:0:0:0:0") ? "::" : text;
    }
}
