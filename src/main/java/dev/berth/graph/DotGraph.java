package dev.berth.graph;

import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.model.Port;
import dev.berth.model.Service;
import dev.berth.translate.ContainerUnits;

/**
 * A config as a Graphviz DOT graph, for people who would rather look than read a 50-container YAML.
 * Each container is a cluster holding its guest's units; the host's listening ports are outside, with
 * their addresses. Edges follow a connection: host port, through the host socket unit that passes the
 * descriptor, to the guest's socket unit, to the service that serves it.
 *
 * <pre>
 * digraph berth {
 *   "port:mycontainer/ssh" [label="23 (stream)\nport ssh", shape=cds];
 *   subgraph "cluster_mycontainer" {
 *     label="mycontainer\n/srv/mycontainer";
 *     "socket:mycontainer/sshd" [label="sshd.socket"];
 *     "service:mycontainer/sshd" [label="sshd@.service\none per connection", style="rounded,dashed", peripheries=2];
 *   }
 *   "port:mycontainer/ssh" -> "socket:mycontainer/sshd" [label="mycontainer.socket"];
 *   "socket:mycontainer/sshd" -> "service:mycontainer/sshd" [label="Accept=yes"];
 * }
 * </pre>
 *
 * Services started per connection have a dashed double border; natively activated services (they receive
 * the listening sockets) a bold one; services that are not socket activated a dotted one.
 */
public final class DotGraph {
    private DotGraph() {
    }

    public static String render(Config config) {
        StringBuilder dot = new StringBuilder();
        dot.append("digraph berth {\n");
        dot.append("  graph [rankdir=LR, fontname=\"sans-serif\", labelloc=t, label=").append(quote(config.sourceName()))
                .append("];\n");
        dot.append("  node [fontname=\"sans-serif\", shape=box, style=rounded];\n");
        dot.append("  edge [fontname=\"sans-serif\", fontsize=10];\n");
        for (Container c : config.containers()) {
            container(dot, c);
        }
        dot.append("}\n");
        return dot.toString();
    }

    private static void container(StringBuilder dot, Container c) {
        for (Port p : c.ports()) {
            dot.append("  ").append(quote(portId(c, p))).append(" [label=")
                    .append(quote(p.listen() + " (" + (p.type() == Port.SocketType.DATAGRAM ? "datagram" : "stream") + ")\nport "
                            + p.name()))
                    .append(", shape=cds];\n");
        }
        dot.append("  subgraph ").append(quote("cluster_" + c.name())).append(" {\n");
        dot.append("    label=").append(quote(c.name() + "\n" + c.root() + c.description().map(d -> "\n" + d).orElse("")))
                .append(";\n");
        dot.append("    tooltip=").append(quote(ContainerUnits.service(c))).append(";\n");
        for (Service s : c.services()) {
            if (s.activated()) {
                dot.append("    ").append(quote(socketId(c, s))).append(" [label=").append(quote(s.name() + ".socket"))
                        .append("];\n");
            }
            dot.append("    ").append(quote(serviceId(c, s))).append(" [label=").append(quote(serviceLabel(s)))
                    .append(", ").append(serviceStyle(s)).append("];\n");
        }
        dot.append("  }\n");
        for (Service s : c.services()) {
            for (String portName : s.ports()) {
                c.port(portName).ifPresent(p -> dot.append("  ").append(quote(portId(c, p))).append(" -> ")
                        .append(quote(socketId(c, s))).append(" [label=").append(quote(hostUnits(c, p))).append("];\n"));
            }
            if (s.activated()) {
                dot.append("  ").append(quote(socketId(c, s))).append(" -> ").append(quote(serviceId(c, s)))
                        .append(" [label=").append(quote(s.perConnection() ? "Accept=yes" : "Accept=no")).append("];\n");
            }
        }
    }

    /** The host units a connection passes through before it reaches the guest. */
    private static String hostUnits(Container c, Port p) {
        return c.runtime().idleStop()
                .map(idle -> ContainerUnits.proxy(c, p, ".socket") + "\nproxy, idle-stop " + idle + "\n" + ContainerUnits.socket(c))
                .orElse(ContainerUnits.socket(c));
    }

    private static String serviceLabel(Service s) {
        if (!s.activated()) {
            return s.name() + ".service\nstarts at boot";
        }
        return s.perConnection() ? s.name() + "@.service\none per connection" : s.name() + ".service\nreceives the sockets";
    }

    private static String serviceStyle(Service s) {
        if (!s.activated()) {
            return "style=\"rounded,dotted\"";
        }
        return s.perConnection() ? "style=\"rounded,dashed\", peripheries=2" : "style=\"rounded,bold\"";
    }

    private static String portId(Container c, Port p) {
        return "port:" + c.name() + "/" + p.name();
    }

    private static String socketId(Container c, Service s) {
        return "socket:" + c.name() + "/" + s.name();
    }

    private static String serviceId(Container c, Service s) {
        return "service:" + c.name() + "/" + s.name();
    }

    /**
     * A DOT quoted string. Backslashes and quotes are escaped; a newline becomes DOT's centred line break
     * {@code \n}; other control characters become spaces, as DOT has no escape for them.
     */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
