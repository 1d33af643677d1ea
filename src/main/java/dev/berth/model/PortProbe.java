package dev.berth.model;

import java.util.Optional;

/**
 * How apply checks that a container answers on a port: {@code probe: {banner: SSH-2.0-, timeout: 60s}}. The keys
 * are kept as written; the check stage reports a probe that asks for no check or for two.
 *
 * @param path    the config path of the probe, e.g. {@code /containers/web/ports/http/probe}
 * @param connect {@code connect:} when given
 * @param banner  the prefix the first line must start with
 * @param http    the path of an HTTP GET
 * @param status  the HTTP status expected (default {@value #DEFAULT_STATUS})
 * @param timeout a time span (default {@value #DEFAULT_TIMEOUT})
 */
public record PortProbe(String path, Optional<Boolean> connect, Optional<String> banner, Optional<String> http,
                        Optional<Integer> status, Optional<String> timeout) {
    public static final int DEFAULT_STATUS = 200;
    public static final String DEFAULT_TIMEOUT = "30s";

    public String keyPath(String key) {
        return path + "/" + key;
    }
}
