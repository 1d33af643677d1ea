package dev.berth.model;

import java.util.List;
import java.util.Optional;

/**
 * How the host runs a container: the unit form, its network, idle shutdown, start limits and what
 * systemd-nspawn isolates.
 *
 * <pre>
 * form: modern
 * network: private
 * idle-stop: 5min
 * binds: [{from: /srv/data, to: /var/www, read-only: true}]
 * private-users: true
 * drop-capabilities: [CAP_SYS_MODULE]
 * </pre>
 */
public record Runtime(Form form, Network network, Optional<String> idleStop, StartLimit startLimit, List<Bind> binds,
                      boolean privateUsers, List<String> dropCapabilities) {
    public Runtime {
        binds = List.copyOf(binds);
        dropCapabilities = List.copyOf(dropCapabilities);
    }

    /** book: the book's NAME.service; modern: the same with systemd-nspawn@.service's settings; nspawn-unit: the stock unit. */
    public enum Form { BOOK, MODERN, NSPAWN_UNIT }

    /** host: shared with the host, as in the book; private: loopback only, sockets still passed. */
    public enum Network { HOST, PRIVATE }

    /**
     * StartLimitIntervalSec= and StartLimitBurst= of the container unit.
     *
     * @param explicit whether the user set them (else they are berth's defaults for socket activation)
     */
    public record StartLimit(String interval, long burst, boolean explicit) {
        /** 30 starts a minute: re-activation after stops is fine, a container failing at once is still stopped. */
        public static final StartLimit DEFAULT = new StartLimit("60s", 30, false);
    }

    /** A host directory mounted into the guest. */
    public record Bind(String from, String to, boolean readOnly) {
    }
}
