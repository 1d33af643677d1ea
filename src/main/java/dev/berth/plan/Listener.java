package dev.berth.plan;

/**
 * A socket bound on the host now, as the kernel's socket tables list it ({@code /proc/net/tcp}, {@code udp}, and
 * their IPv6 twins).
 *
 * @param protocol {@code tcp} (listening) or {@code udp} (bound)
 * @param address  the local address, {@code 0.0.0.0} or {@code ::} for any
 * @param port     the local port
 * @param inode    the socket's inode, which names it among a process's open files
 */
public record Listener(String protocol, String address, int port, long inode) {
    /** Whether it is bound to every address of its family. */
    public boolean wildcard() {
        return address.equals("0.0.0.0") || address.equals("::");
    }

    /** As {@code ss} shows it: {@code 0.0.0.0:23}, {@code [::]:23}. */
    public String shown() {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
