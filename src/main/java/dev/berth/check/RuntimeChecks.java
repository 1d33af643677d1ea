package dev.berth.check;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.model.Port;
import dev.berth.model.Runtime;

/** How a container runs: the stock unit's root location, idle shutdown, bind mounts, the guest's own sshd. */
final class RuntimeChecks {
    private RuntimeChecks() {
    }

    static void check(Config config, Diagnostics diagnostics) {
        for (Container c : config.containers()) {
            Runtime r = c.runtime();
            if (r.form() == Runtime.Form.NSPAWN_UNIT && !c.root().equals("/var/lib/machines/" + c.name())) {
                diagnostics.error(Code.F003, c.keyPath("root"), "the nspawn-unit form runs the machine in /var/lib/machines/"
                        + c.name() + ", not in " + c.root(), "move the root there (or remove 'root'), or use form: modern");
            }
            if (r.idleStop().isPresent()) {
                if (c.ports().isEmpty()) {
                    diagnostics.error(Code.P007, c.keyPath("idle-stop"), "idle-stop counts connections, but the container has no ports",
                            "add a port, or remove idle-stop");
                }
                for (Port p : c.ports()) {
                    if (p.type() == Port.SocketType.DATAGRAM) {
                        diagnostics.error(Code.P007, p.path() + "/type", "datagram port '" + p.name()
                                + "' cannot be proxied for idle-stop", "remove idle-stop from this container, or the datagram port");
                    }
                }
            }
            for (int i = 0; i < r.binds().size(); i++) {
                Runtime.Bind b = r.binds().get(i);
                PathChecks.safe(b.from(), c.keyPath("binds") + "/" + i + "/from", diagnostics);
                PathChecks.safe(b.to(), c.keyPath("binds") + "/" + i + "/to", diagnostics);
            }
            boolean sshd = c.services().stream().anyMatch(s -> s.activated() && s.command().get(0).endsWith("/sshd"));
            boolean masked = c.mask().contains("ssh.service") || c.mask().contains("sshd.service");
            if (sshd && r.network() == Runtime.Network.HOST && !masked) {
                diagnostics.warning(Code.C005, c.path(), "the guest's own ssh.service would listen on port 22 of the host's network",
                        "add 'mask: [ssh.service]' (Debian; sshd.service on Fedora), or 'network: private'");
            }
        }
    }
}
