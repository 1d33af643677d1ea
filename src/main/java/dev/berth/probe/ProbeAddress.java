package dev.berth.probe;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a probe connects, from a host socket's listen address as berth's config writes it: {@code 23},
 * {@code 0.0.0.0:80}, {@code 192.0.2.10:80}, {@code [::]:443}, {@code [2001:db8::1]:443}, {@code /run/x/http.sock}.
 * A port on all addresses is probed on the loopback, since that is an address the host always has and that reaches
 * a socket bound to every address; a specific address is probed as it is.
 */
public final class ProbeAddress {
    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");
    private static final Pattern IPV4 = Pattern.compile("((?:[0-9]{1,3}\\.){3}[0-9]{1,3}):([0-9]+)");
    /** systemd writes the interface after the port ({@code [fe80::1]:80%eth0}). */
    private static final Pattern IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)\\]:([0-9]+)(?:%([A-Za-z0-9_.-]{1,15}))?");
    private static final String LOOPBACK_V4 = "127.0.0.1";
    private static final String LOOPBACK_V6 = "::1";

    /** The IP literal without brackets, or null for a unix socket. */
    private final String host;
    /** The interface of a link-local IPv6 address, or null. */
    private final String zone;
    private final int port;
    /** The unix socket's path, or null for IP. */
    private final Path socket;

    private ProbeAddress(String host, String zone, int port, Path socket) {
        this.host = host;
        this.zone = zone;
        this.port = port;
        this.socket = socket;
    }

    /**
     * The address to probe for a listen address.
     *
     * @throws IllegalArgumentException when the text is none of berth's stream listen addresses, or an abstract unix
     *                                  socket ({@code @name}), which Java cannot connect to
     */
    public static ProbeAddress of(String listen) {
        if (listen.startsWith("/")) {
            return new ProbeAddress(null, null, 0, Path.of(listen));
        }
        if (listen.startsWith("@")) {
            throw new IllegalArgumentException("'" + listen + "' is an abstract unix socket, which cannot be probed: "
                    + "Java connects to unix sockets by path only");
        }
        if (PORT.matcher(listen).matches()) {
            return new ProbeAddress(LOOPBACK_V4, null, port(listen, listen), null);
        }
        Matcher v4 = IPV4.matcher(listen);
        if (v4.matches()) {
            String host = v4.group(1).equals("0.0.0.0") ? LOOPBACK_V4 : ipv4(v4.group(1), listen);
            return new ProbeAddress(host, null, port(v4.group(2), listen), null);
        }
        Matcher v6 = IPV6.matcher(listen);
        if (v6.matches()) {
            if (ipv6(v6.group(1), listen).isAnyLocalAddress()) {
                if (v6.group(3) != null) {
                    // bound to one interface, such a socket does not answer on the loopback
                    throw new IllegalArgumentException("'" + listen + "' listens on all addresses of the interface "
                            + v6.group(3) + " only, which the loopback does not reach");
                }
                return new ProbeAddress(LOOPBACK_V6, null, port(v6.group(2), listen), null);
            }
            return new ProbeAddress(v6.group(1).toLowerCase(Locale.ROOT), v6.group(3), port(v6.group(2), listen), null);
        }
        throw new IllegalArgumentException("'" + listen
                + "' is not PORT, IPV4:PORT, [IPV6]:PORT or an absolute socket path");
    }

    private static int port(String digits, String listen) {
        int port = PORT.matcher(digits).matches() ? Integer.parseInt(digits) : 0;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + listen + "' has no port from 1 to 65535");
        }
        return port;
    }

    /** The dotted quad, checked by hand: {@code InetAddress} would look up one that is not a literal as a name. */
    private static String ipv4(String quad, String listen) {
        for (String octet : quad.split("\\.")) {
            if (Integer.parseInt(octet) > 255 || octet.length() > 1 && octet.startsWith("0")) {
                throw new IllegalArgumentException("'" + listen + "' does not hold an IPv4 address");
            }
        }
        return quad;
    }

    /** A bracketed literal is parsed, never looked up by name. */
    private static InetAddress ipv6(String literal, String listen) {
        try {
            return InetAddress.getByName("[" + literal + "]");
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + listen + "' does not hold an IPv6 address");
        }
    }

    /** How people read the address: {@code 127.0.0.1:23}, {@code [::1]:443}, {@code /run/x/http.sock}. */
    public String text() {
        if (socket != null) {
            return socket.toString();
        }
        String zoned = zone != null ? host + "%" + zone : host;
        return (host.contains(":") ? "[" + zoned + "]" : zoned) + ":" + port;
    }

    public boolean unix() {
        return socket != null;
    }

    /** The unix socket's path; only for a {@link #unix()} address. */
    Path socketPath() {
        return socket;
    }

    /** The Host header of an HTTP probe: the address, without the port HTTP takes by default. */
    String httpHost() {
        if (socket != null) {
            return "localhost";
        }
        String bracketed = host.contains(":") ? "[" + host + "]" : host;
        return port == 80 ? bracketed : bracketed + ":" + port;
    }

    /**
     * The address to connect to. A link-local address's interface is looked up here, so an interface that does not
     * exist is a connect error of the probe rather than of reading the config.
     */
    SocketAddress socketAddress() throws UnknownHostException {
        if (socket != null) {
            return UnixDomainSocketAddress.of(socket);
        }
        return new InetSocketAddress(InetAddress.getByName(zone != null ? host + "%" + zone : host), port);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProbeAddress a && a.text().equals(text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
