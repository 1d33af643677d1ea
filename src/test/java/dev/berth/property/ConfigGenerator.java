package dev.berth.property;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Valid berth configs from a seed: a few containers with ports of every form, services of every
 * activation style, limits, sandboxes, drop-ins and values full of characters that need encoding.
 * The same seed always gives the same text, so a failure names its seed.
 */
public final class ConfigGenerator {
    /** Characters that must survive encoding: quotes, backslashes, specifiers, variables, separators. */
    private static final String[] HOSTILE = {"%", "%i", "$", "${HOME}", "$$", "\\", "\"", "'", ";", " ", "\t", "#", "=",
        "é", "日本", "💡", "-", "@", "+", "!", ":", "&&", "|", "*", "?", "[x]", "{y}"};

    private final Random random;
    private final Set<Integer> usedPorts = new HashSet<>();

    public ConfigGenerator(long seed) {
        this.random = new Random(seed);
    }

    public String generate() {
        StringBuilder y = new StringBuilder("berth: 1\ncontainers:\n");
        int containers = 1 + random.nextInt(4);
        List<String> dropInUnits = new ArrayList<>();
        for (int i = 0; i < containers; i++) {
            container(y, "c" + i + (random.nextBoolean() ? "" : "-site"));
        }
        if (random.nextBoolean()) {
            y.append("host:\n  drop-ins:\n    httpd.service:\n      limits.conf:\n        limits: {cpu-weight: ")
                    .append(1 + random.nextInt(10000)).append(", memory-max: ").append(1 + random.nextInt(900)).append("M}\n")
                    .append("        environment: {MODE: ").append(yamlString(hostileText())).append("}\n");
            dropInUnits.add("httpd.service");
        }
        return y.toString();
    }

    private void container(StringBuilder y, String name) {
        y.append("  ").append(name).append(":\n");
        y.append("    description: ").append(yamlString("Container " + hostileText())).append('\n');
        y.append("    root: /srv/").append(name).append('\n');
        y.append("    boot: {args: [").append(yamlString(random.nextBoolean() ? "3" : hostileText())).append("]}\n");
        pick(y, "    journal: ", "link", "no", "try-guest");
        pick(y, "    kill-mode: ", "process", "mixed");
        pick(y, "    form: ", "book", "modern");
        pick(y, "    network: ", "host", "private");
        if (random.nextBoolean()) {
            y.append("    limits: {cpu-weight: ").append(1 + random.nextInt(10000)).append(", tasks-max: ").append(1 + random.nextInt(4096)).append("}\n");
        }
        boolean idle = random.nextInt(4) == 0;
        if (idle) {
            y.append("    idle-stop: ").append(1 + random.nextInt(600)).append("s\n");
        }
        int ports = 1 + random.nextInt(3);
        y.append("    ports:\n");
        List<String> streamPorts = new ArrayList<>();
        List<String> datagramPorts = new ArrayList<>();
        for (int p = 0; p < ports; p++) {
            String portName = "p" + p;
            boolean datagram = !idle && random.nextInt(4) == 0;
            y.append("      ").append(portName).append(": {listen: ").append(yamlString(address(name, portName)))
                    .append(datagram ? ", type: datagram" : "").append(", description: ").append(yamlString(hostileText())).append("}\n");
            (datagram ? datagramPorts : streamPorts).add(portName);
        }
        y.append("    services:\n");
        int s = 0;
        for (String port : streamPorts) {
            service(y, "s" + s++, port, random.nextBoolean());
        }
        for (String port : datagramPorts) {
            service(y, "s" + s++, port, false);
        }
        if (random.nextBoolean()) {
            service(y, "worker", null, false);
        }
    }

    private void service(StringBuilder y, String name, String port, boolean perConnection) {
        y.append("      ").append(name).append(":\n");
        if (port != null) {
            y.append("        port: ").append(port).append('\n');
        }
        if (perConnection) {
            y.append("        per-connection: true\n");
        }
        y.append("        description: ").append(yamlString(hostileText())).append('\n');
        y.append("        exec: [/usr/bin/").append(name).append(", ").append(yamlString(hostileText())).append(", ")
                .append(yamlString(hostileText())).append("]\n");
        if (random.nextBoolean()) {
            y.append("        environment: {A_B: ").append(yamlString(hostileText())).append("}\n");
        }
        if (random.nextBoolean()) {
            y.append("        sandbox: {protect-home: ").append(random.nextBoolean() ? "read-only" : "true").append("}\n");
        }
        if (random.nextBoolean()) {
            y.append("        settings: {Service: {Nice: ").append(random.nextInt(20)).append(", SyslogIdentifier: ")
                    .append(yamlString("id" + random.nextInt(100))).append("}}\n");
        }
    }

    private String address(String container, String port) {
        int number;
        do {
            number = 1024 + random.nextInt(60000);
        } while (!usedPorts.add(number));
        return switch (random.nextInt(4)) {
            case 0 -> Integer.toString(number);
            case 1 -> "127.0.0." + (1 + random.nextInt(250)) + ":" + number;
            case 2 -> "[::1]:" + number;
            default -> "/run/" + container + "/" + port + ".sock";
        };
    }

    /** Text that ValueRules accepts: no control characters but tab in arguments, no edge spaces, no trailing backslash. */
    private String hostileText() {
        StringBuilder s = new StringBuilder("v");
        int parts = random.nextInt(5);
        for (int i = 0; i < parts; i++) {
            String piece = HOSTILE[random.nextInt(HOSTILE.length)];
            s.append(piece.equals("\t") ? " " : piece);
        }
        return s.append('z').toString();
    }

    private void pick(StringBuilder y, String key, String... values) {
        if (random.nextBoolean()) {
            y.append(key).append(values[random.nextInt(values.length)]).append('\n');
        }
    }

    /** A double-quoted YAML scalar. */
    static String yamlString(String text) {
        StringBuilder q = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\t' -> q.append("\\t");
                default -> q.appendCodePoint(c);
            }
        });
        return q.append('"').toString();
    }
}
