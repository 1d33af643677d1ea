package dev.berth.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes load, schema, check and compile. In a normal test run Jazzer replays the inputs under
 * {@code src/test/resources/dev/berth/fuzz/CompileFuzzTestInputs/} (crashes found earlier, kept as
 * regressions); {@code fuzz/run.sh} fuzzes for a set time with the examples as seeds.
 */
class CompileFuzzTest {
    /** Any bytes: encodings, YAML syntax, aliases, nesting, sizes. */
    @FuzzTest(maxDuration = "30s")
    void rawYaml(byte[] input) {
        CompileTarget.check(input);
    }

    /** Well-formed configs with fuzzed values in every field that reaches a unit. */
    @FuzzTest(maxDuration = "30s")
    void structuredConfig(FuzzedDataProvider data) {
        StringBuilder y = new StringBuilder("berth: 1\ncontainers:\n");
        int containers = data.consumeInt(1, 3);
        for (int i = 0; i < containers; i++) {
            y.append("  ").append(name(data)).append(":\n");
            y.append("    description: ").append(quoted(data)).append('\n');
            y.append("    root: ").append(quoted(data, "/srv/")).append('\n');
            y.append("    boot: {args: [").append(quoted(data)).append("]}\n");
            y.append("    ports:\n      p: {listen: ").append(quoted(data)).append("}\n");
            y.append("    services:\n      ").append(name(data)).append(":\n");
            y.append("        port: p\n        per-connection: ").append(data.consumeBoolean()).append('\n');
            y.append("        description: ").append(quoted(data)).append('\n');
            y.append("        exec: [").append(quoted(data, "/")).append(", ").append(quoted(data)).append("]\n");
            y.append("        environment: {").append(name(data).replace('-', '_')).append(": ").append(quoted(data)).append("}\n");
            y.append("        settings: {Service: {Nice: ").append(quoted(data)).append("}}\n");
        }
        CompileTarget.check(new dev.berth.load.Source("fuzz.yaml", y.toString()));
    }

    private static String name(FuzzedDataProvider data) {
        String s = data.consumeString(12).replaceAll("[^A-Za-z0-9-]", "");
        return s.isEmpty() ? "n" : s;
    }

    private static String quoted(FuzzedDataProvider data) {
        return quoted(data, "");
    }

    /** A YAML double-quoted scalar holding any code points, escaped so the YAML itself stays valid. */
    private static String quoted(FuzzedDataProvider data, String prefix) {
        String value = prefix + data.consumeString(40);
        StringBuilder q = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                q.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f || c >= 0xd800 && c <= 0xdfff || c == 0xfeff || c >= 0x80 && c < 0xa0) {
                q.append(String.format("\\u%04x", c));
            } else {
                q.appendCodePoint(c);
            }
        });
        return q.append('"').toString();
    }
}
