package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.Runtime;
import java.util.ArrayList;
import java.util.List;

/** The systemd-nspawn command line of the book and modern forms. */
final class NspawnArguments {
    static final String NSPAWN = "/usr/bin/systemd-nspawn";

    private NspawnArguments() {
    }

    /** The book's short form (-jbD ROOT ARGS) stays recognisable; everything berth adds comes before it. */
    static List<String> command(Container c) {
        Runtime r = c.runtime();
        List<String> argv = new ArrayList<>();
        argv.add(NSPAWN);
        if (r.form() == Runtime.Form.MODERN) {
            // ready once the guest's systemd says so: a stop before then would lose the halt signal
            argv.add("--notify-ready=yes");
            argv.add("--keep-unit");
        }
        c.journal().filter(j -> !j.equals("link")).ifPresent(j -> argv.add("--link-journal=" + j));
        if (!rootBaseName(c).equals(c.name())) {
            // nspawn names the machine after the directory; keep it equal to the container's name
            argv.add("--machine=" + c.name());
        }
        if (r.network() == Runtime.Network.PRIVATE) {
            argv.add("--private-network");
        }
        if (r.privateUsers()) {
            argv.add("--private-users=pick");
            argv.add("--private-users-ownership=auto");
        }
        if (!r.dropCapabilities().isEmpty()) {
            argv.add("--drop-capability=" + String.join(",", r.dropCapabilities()));
        }
        for (Runtime.Bind b : r.binds()) {
            argv.add((b.readOnly() ? "--bind-ro=" : "--bind=") + b.from() + (b.to().equals(b.from()) ? "" : ":" + b.to()));
        }
        argv.add(c.journal().map("link"::equals).orElse(false) ? "-jbD" : "-bD");
        argv.add(c.root());
        argv.addAll(c.bootArgs());
        return argv;
    }

    private static String rootBaseName(Container c) {
        return c.root().substring(c.root().lastIndexOf('/') + 1);
    }
}
