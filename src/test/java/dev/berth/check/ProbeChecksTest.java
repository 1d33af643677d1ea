package dev.berth.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.Berth;
import dev.berth.diag.Diagnostic;
import dev.berth.load.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A probe asks for one check of a stream port. */
class ProbeChecksTest {
    private static List<Diagnostic> diagnostics(String port) {
        return Berth.validate(new Source("berth.yaml", """
                berth: 1
                containers:
                  dns:
                    root: /srv/dns
                    ports:
                      dns: %s
                    services:
                      named: {port: dns, exec: [/usr/sbin/named, -f]}
                """.formatted(port))).diagnostics().all();
    }

    @Test
    void aDatagramPortCannotBeProbed() {
        List<Diagnostic> found = diagnostics("{listen: 53, type: datagram, probe: {connect: true}}");
        assertEquals(1, found.size(), found.toString());
        assertEquals("P009", found.get(0).code().name());
        assertEquals("/containers/dns/ports/dns/probe", found.get(0).path());
        assertEquals("port 'dns' is a datagram port, which a probe cannot check: there is no connection to accept",
                found.get(0).summary());
    }

    @Test
    void connectFalseChecksNothing() {
        List<Diagnostic> found = diagnostics("{listen: 53, probe: {connect: false}}");
        assertEquals(1, found.size(), found.toString());
        assertEquals("/containers/dns/ports/dns/probe", found.get(0).path());
    }

    @Test
    void eachKindAloneIsValid() {
        assertEquals(List.of(), diagnostics("{listen: 53, probe: {connect: true, timeout: 5s}}"));
        assertEquals(List.of(), diagnostics("{listen: 53, probe: {banner: \"220 \"}}"));
        assertEquals(List.of(), diagnostics("{listen: 53, probe: {http: /health, status: 204, timeout: 2min}}"));
    }
}
