package dev.berth.check;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.model.Port;
import dev.berth.model.PortProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * A port's probe asks for exactly one check that can be run on that port: the schema has checked each key's type,
 * not which keys go together.
 */
final class ProbeChecks {
    private ProbeChecks() {
    }

    static void check(Config config, Diagnostics diagnostics) {
        for (Container c : config.containers()) {
            for (Port port : c.ports()) {
                port.probe().ifPresent(probe -> check(port, probe, diagnostics));
            }
        }
    }

    private static void check(Port port, PortProbe probe, Diagnostics diagnostics) {
        if (port.type() == Port.SocketType.DATAGRAM) {
            diagnostics.error(Code.P009, probe.path(), "port '" + port.name() + "' is a datagram port, which a probe cannot "
                    + "check: there is no connection to accept", "remove the probe; probes check stream ports");
            return;
        }
        List<String> kinds = new ArrayList<>();
        probe.connect().filter(Boolean::booleanValue).ifPresent(yes -> kinds.add("connect"));
        probe.banner().ifPresent(banner -> kinds.add("banner"));
        probe.http().ifPresent(http -> kinds.add("http"));
        if (kinds.isEmpty()) {
            diagnostics.error(Code.P009, probe.path(), "the probe of port '" + port.name() + "' checks nothing: it needs "
                    + "connect: true, a banner or an http path", "write probe: {connect: true}");
            return;
        }
        if (kinds.size() > 1) {
            diagnostics.error(Code.P009, probe.keyPath(kinds.get(1)), "a probe checks one thing, and this one gives both "
                    + kinds.get(0) + " and " + kinds.get(1), "keep " + kinds.get(0) + " and remove " + kinds.get(1));
            return;
        }
        probe.banner().ifPresent(banner -> checkBanner(probe, banner, diagnostics));
        probe.http().ifPresent(http -> checkPath(probe, http, diagnostics));
        if (probe.status().isPresent() && probe.http().isEmpty()) {
            diagnostics.error(Code.P009, probe.keyPath("status"), "status is the HTTP status an http probe expects, and "
                    + "this probe has no http path", "add http: /, or remove status");
        }
    }

    private static void checkBanner(PortProbe probe, String banner, Diagnostics diagnostics) {
        // an empty banner is V004, as every empty text
        if (banner.chars().anyMatch(ch -> ch == '\n' || ch == '\r')) {
            diagnostics.error(Code.P009, probe.keyPath("banner"), "the banner is compared with the first line, and this "
                    + "one holds a line break", "write only the start of the first line: " + firstLine(banner));
        }
    }

    private static String firstLine(String banner) {
        String line = banner.strip().split("[\r\n]", 2)[0];
        return line.isEmpty() ? "SSH-2.0-" : line;
    }

    private static void checkPath(PortProbe probe, String path, Diagnostics diagnostics) {
        boolean plain = path.chars().allMatch(ch -> ch > ' ' && ch < 0x7f);
        if (!path.startsWith("/") || !plain) {
            String fixed = path.chars().filter(ch -> ch > ' ' && ch < 0x7f)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            diagnostics.error(Code.P009, probe.keyPath("http"), "the http path '" + path + "' is not a path of a URL: "
                    + "it starts with / and holds no spaces or other blanks (write %20 for a space)",
                    "write http: " + (fixed.startsWith("/") ? fixed : "/" + fixed));
        }
    }
}
