package dev.berth.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener on the loopback or a unix socket that answers each connection on a thread of its own, as a service
 * of a container would. What a handler throws is a client that went away: ignored, so a green run stays quiet.
 */
final class LocalServer implements AutoCloseable {
    /** What the server does with one connection. */
    @FunctionalInterface
    interface Handler {
        void handle(InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    private final AutoCloseable listener;
    private final String listen;
    private final List<AutoCloseable> connections = new CopyOnWriteArrayList<>();

    private LocalServer(AutoCloseable listener, String listen) {
        this.listener = listener;
        this.listen = listen;
    }

    /** A TCP server on {@code address} (port 0: one the system picks). */
    static LocalServer tcp(InetAddress address, int port, Handler handler) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(address, port));
        String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        LocalServer server = new LocalServer(socket, host + ":" + socket.getLocalPort());
        server.accepting(() -> {
            Socket s = socket.accept();
            server.connections.add(s);
            return new Stream(s.getInputStream(), s.getOutputStream(), s);
        }, handler);
        return server;
    }

    static LocalServer loopback(Handler handler) throws IOException {
        return tcp(InetAddress.getLoopbackAddress(), 0, handler);
    }

    /** A unix stream socket at {@code path}. */
    static LocalServer unix(Path path, Handler handler) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(path));
        LocalServer server = new LocalServer(channel, path.toString());
        server.accepting(() -> {
            SocketChannel s = channel.accept();
            server.connections.add(s);
            return new Stream(Channels.newInputStream(s), Channels.newOutputStream(s), s);
        }, handler);
        return server;
    }

    private record Stream(InputStream in, OutputStream out, AutoCloseable connection) {
    }

    private interface Acceptor {
        Stream accept() throws IOException;
    }

    private void accepting(Acceptor acceptor, Handler handler) {
        Thread loop = new Thread(() -> {
            while (true) {
                Stream stream;
                try {
                    stream = acceptor.accept();
                } catch (IOException closed) {
                    return;
                }
                Thread answer = new Thread(() -> {
                    try (AutoCloseable c = stream.connection()) {
                        handler.handle(stream.in(), stream.out());
                    } catch (Exception gone) {
                        // the probe closed its end first
                    }
                });
                answer.setDaemon(true);
                answer.start();
            }
        });
        loop.setDaemon(true);
        loop.start();
    }

    /** The listen address as berth's config would write it. */
    String listen() {
        return listen;
    }

    /** The port, for a TCP server. */
    int port() {
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    @Override
    public void close() throws Exception {
        listener.close();
        for (AutoCloseable c : connections) {
            c.close();
        }
    }

    /** Sends {@code text}, then waits for the probe to hang up. */
    static Handler says(String text) {
        return (in, out) -> {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            in.readAllBytes();
        };
    }

    /** Takes the connection and says nothing until the probe hangs up. */
    static Handler silent() {
        return (in, out) -> in.readAllBytes();
    }

    /** Takes the connection and closes it at once. */
    static Handler closes() {
        return (in, out) -> {
        };
    }

    /**
     * Reads a request's head into {@code requests} and answers with {@code status}; a path {@code /status/NNN} is
     * answered with NNN instead.
     */
    static Handler http(int status, List<String> requests) {
        return (in, out) -> {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    return;
                }
                head.append((char) c);
            }
            requests.add(head.toString());
            String path = head.substring(head.indexOf(" ") + 1, head.indexOf(" HTTP/"));
            int answer = path.startsWith("/status/") ? Integer.parseInt(path.substring(8)) : status;
            out.write(("HTTP/1.1 " + answer + " Whatever\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        };
    }
}
