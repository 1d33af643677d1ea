package dev.berth.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Listen*= address in the forms systemd 252 accepts for berth's ports.
 *
 * @param host   "" for a bare port (all addresses), the IP literal otherwise; null for unix sockets
 * @param port   1-65535, or 0 for unix sockets
 * @param socket the unix socket path or abstract name, null for IP
 */
public record ListenAddress(String host, int port, String socket) {
    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");
    private static final Pattern IPV4 = Pattern.compile("((?:[0-9]{1,3}\\.){3}[0-9]{1,3}):([0-9]+)");
    /** systemd 252 takes the interface after the port ([fe80::1]:80%eth0) and refuses it inside the brackets. */
    private static final Pattern IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)\\]:([0-9]+)(%[A-Za-z0-9_.-]{1,15})?");
    private static final Pattern IPV6_ZONE_IN_BRACKETS = Pattern.compile("\\[[0-9A-Fa-f:.]+%[^\\]]*\\]:[0-9]+");
    private static final int MAX_SOCKET_PATH = 107;

    /** The parsed address, or why it is not one. */
    public static Result parse(String text) {
        if (text.startsWith("/") || text.startsWith("@")) {
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
                return Result.bad("the socket path is longer than 107 bytes");
            }
            if (text.startsWith("/") && !PathRules.normalized(text)) {
                return Result.bad("the socket path is not normalized (no '.', '..', '//' or trailing '/')");
            }
            if (text.length() < 2 || text.chars().anyMatch(c -> c <= ' ' || c == '%' || c == '\\')
                    || dev.berth.unit.ValueRules.plain(text).isPresent()) {
                return Result.bad("the socket path may not hold spaces, control characters, '%' or '\\'");
            }
            return Result.ok(new ListenAddress(null, 0, text));
        }
        if (PORT.matcher(text).matches()) {
            return port(text).map(p -> Result.ok(new ListenAddress("", p, null))).orElseGet(ListenAddress::badPort);
        }
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            for (String octet : v4.group(1).split("\\.")) {
                if (Integer.parseInt(octet) > 255 || octet.length() > 1 && octet.startsWith("0")) {
                    return Result.bad("'" + v4.group(1) + "' is not an IPv4 address");
                }
            }
            return port(v4.group(2)).map(p -> Result.ok(new ListenAddress(v4.group(1), p, null))).orElseGet(ListenAddress::badPort);
        }
        Matcher v6 = IPV6.matcher(text);
        if (v6.matches()) {
            if (!v6.group(1).contains(":") || !isIpv6(v6.group(1))) {
                return Result.bad("'" + v6.group(1) + "' is not an IPv6 address");
            }
            String host = "[" + v6.group(1).toLowerCase(java.util.Locale.ROOT) + "]" + (v6.group(3) == null ? "" : v6.group(3));
            return port(v6.group(2)).map(p -> Result.ok(new ListenAddress(host, p, null))).orElseGet(ListenAddress::badPort);
        }
        if (IPV6_ZONE_IN_BRACKETS.matcher(text).matches()) {
            return Result.bad("systemd takes the interface after the port: write [ADDRESS]:PORT%INTERFACE");
        }
        return Result.bad("'" + text + "' is not PORT, IPV4:PORT, [IPV6]:PORT or an absolute socket path");
    }

    private static Result badPort() {
        return Result.bad("the port must be a decimal number from 1 to 65535, without leading zeros");
    }

    private static Optional<Integer> port(String digits) {
        if (!PORT.matcher(digits).matches()) {
            return Optional.empty();
        }
        int p = Integer.parseInt(digits);
        return p <= 65535 ? Optional.of(p) : Optional.empty();
    }

    private static boolean isIpv6(String literal) {
        try {
            // a bracketed literal is parsed, never looked up
            return InetAddress.getByName("[" + literal + "]").getAddress().length == 16
                    || literal.contains(".");
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether two addresses cannot both be bound: equal, or one is the port on every address. */
    public boolean clashesWith(ListenAddress other) {
        if (socket != null || other.socket != null) {
            return socket != null && socket.equals(other.socket);
        }
        return port == other.port && (host.isEmpty() || other.host.isEmpty() || host.equals(other.host));
    }

    /** The key under which clashing addresses meet: the port for IP, the path for unix sockets. */
    public String clashKey() {
        return socket != null ? socket : Integer.toString(port);
    }

    public record Result(Optional<ListenAddress> address, String problem) {
        static Result ok(ListenAddress a) {
            return new Result(Optional.of(a), "");
        }

        static Result bad(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }
}
