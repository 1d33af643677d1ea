package dev.berth.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.Berth;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.load.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The clash check finds, for each port, the first earlier port it clashes with, without comparing every pair:
 * here it must report exactly what comparing every pair with {@link ListenAddress#clashesWith} reports.
 */
class PortClashTest {
    private static final List<String> ADDRESSES = List.of("80", "81", "192.0.2.1:80", "192.0.2.2:80", "192.0.2.1:81",
            "[::1]:80", "[::1]:81", "0.0.0.0:80", "/run/a.sock", "/run/b.sock", "@abstract");

    @Test
    void reportsTheFirstEarlierPortEachPortClashesWith() {
        Random random = new Random(8);
        for (int round = 0; round < 200; round++) {
            int containers = 1 + random.nextInt(6);
            StringBuilder yaml = new StringBuilder("berth: 1\ncontainers:\n");
            List<String> paths = new ArrayList<>();
            List<ListenAddress> addresses = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (int c = 0; c < containers; c++) {
                yaml.append("  c").append(c).append(":\n    root: /srv/c").append(c).append("\n    ports:\n");
                int ports = 1 + random.nextInt(3);
                StringBuilder claims = new StringBuilder();
                for (int p = 0; p < ports; p++) {
                    String listen = ADDRESSES.get(random.nextInt(ADDRESSES.size()));
                    String type = random.nextInt(4) == 0 ? "datagram" : "stream";
                    yaml.append("      p").append(p).append(": {listen: '").append(listen).append("', type: ").append(type).append("}\n");
                    claims.append(p == 0 ? "" : ", ").append('p').append(p);
                    paths.add("/containers/c" + c + "/ports/p" + p + "/listen");
                    addresses.add(ListenAddress.parse(listen).address().orElseThrow());
                    types.add(type);
                }
                yaml.append("    services: {s: {port: [").append(claims).append("], exec: [/usr/bin/srv]}}\n");
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < addresses.size(); i++) {
                for (int j = 0; j < i; j++) {
                    boolean sameKind = addresses.get(i).socket() != null || types.get(i).equals(types.get(j));
                    if (sameKind && addresses.get(j).clashesWith(addresses.get(i))) {
                        expected.add(paths.get(i) + " <- " + paths.get(j).replace("/listen", ""));
                        break;
                    }
                }
            }
            List<String> reported = Berth.validate(new Source("berth.yaml", yaml.toString())).diagnostics().all().stream()
                    .filter(d -> d.code() == Code.P002)
                    .map(d -> d.path() + " <- " + by(d))
                    .toList();
            assertEquals(expected, reported, yaml.toString());
        }
    }

    private static String by(Diagnostic d) {
        String summary = d.summary();
        return summary.substring(summary.indexOf("listened on by ") + "listened on by ".length());
    }
}
