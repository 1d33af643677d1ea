package dev.berth.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a probe connects for each form of listen address berth's config writes. */
class ProbeAddressTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # listen              | probed                | Host header      | unix
            23                    | 127.0.0.1:23          | 127.0.0.1:23     | false
            0.0.0.0:80            | 127.0.0.1:80          | 127.0.0.1        | false
            192.0.2.10:80         | 192.0.2.10:80         | 192.0.2.10       | false
            192.0.2.10:8080       | 192.0.2.10:8080       | 192.0.2.10:8080  | false
            [::]:443              | [::1]:443             | [::1]:443        | false
            [0:0:0:0:0:0:0:0]:443 | [::1]:443             | [::1]:443        | false
            [2001:DB8::1]:443     | [2001:db8::1]:443     | [2001:db8::1]:443| false
            [fe80::1]:80%eth0     | [fe80::1%eth0]:80     | [fe80::1]        | false
            /run/x/http.sock      | /run/x/http.sock      | localhost        | true
            """)
    void aPortOnAllAddressesIsProbedOnTheLoopbackAndAnyOtherAsItIs(String listen, String probed, String host, boolean unix) {
        ProbeAddress address = ProbeAddress.of(listen);
        assertEquals(probed, address.text());
        assertEquals(host, address.httpHost());
        assertEquals(unix, address.unix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "65536", "080", "300.1.1.1:80", "010.0.0.1:80", "1.2.3.4", "localhost:80",
            "[zz::1]:80", "[::1]", "[::]:80%eth0", "@berth/web", "udp:53"})
    void anythingElseIsRefusedInWords(String listen) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProbeAddress.of(listen));
        assertTrue(e.getMessage().startsWith("'" + listen + "' "), e.getMessage());
    }
}
