package dev.berth.load;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the loader's fast paths (the block reader, the parser's events, the containers read apart) against the
 * parser's composed nodes: {@link FastPathTarget} says what must hold. A normal test run replays the inputs under
 * {@code src/test/resources/dev/berth/load/FastPathFuzzTestInputs/} (the examples and golden inputs, and what fuzzing
 * found); {@code fuzz/run.sh} fuzzes for a set time.
 */
class FastPathFuzzTest {
    /** Pieces of YAML that change what a line means, or how a container's block may be cut. */
    private static final List<String> PIECES = List.of("\"", "'", "''", "[", "]", "{", "}", ",", "|", ">", "|-", ">+",
            "&a ", "*a", "#", " #", "\t", " ", "  ", "    ", "- ", "-", "? ", "?", ":", ": ", " :", "---", "...", "!!str ",
            "!", "\\", "\\n", "\\\"", "\\x41", "\r", "\n", "\r\n", "\n  ", "\n- ", "\n  a:\n", "~", "null", "0x1", "0o7",
            "1e3", "-.5", ".", "@", "%", "`", "é", "\u00a0", "\u0085", "\u2028", "\uFEFF", "\uD83D\uDE00", "<<: ",
            "containers:", "containers:\n  ", "\n  x:\n    root: /srv/x\n");

    /** Any text: every byte sequence, read as UTF-8. */
    @FuzzTest(maxDuration = "30s")
    void anyText(byte[] input) {
        FastPathTarget.check(new String(input, StandardCharsets.UTF_8));
    }

    /** An example, golden input or generated config with pieces of YAML inserted, lines dropped, doubled or indented. */
    @FuzzTest(maxDuration = "30s")
    void mutatedConfig(FuzzedDataProvider data) {
        List<String> texts = Seeds.TEXTS;
        List<String> lines = new ArrayList<>(List.of(texts.get(data.consumeInt(0, texts.size() - 1)).split("\n", -1)));
        for (int change = 0, changes = data.consumeInt(1, 4); change < changes; change++) {
            int line = data.consumeInt(0, lines.size() - 1);
            String text = lines.get(line);
            switch (data.consumeInt(0, 4)) {
                case 0 -> lines.remove(line);
                case 1 -> lines.add(line, text);
                case 2 -> lines.set(line, " ".repeat(data.consumeInt(1, 4)) + text);
                case 3 -> {
                    int at = data.consumeInt(0, text.length());
                    lines.set(line, text.substring(0, at) + data.consumeString(8) + text.substring(at));
                }
                default -> {
                    int at = data.consumeInt(0, text.length());
                    lines.set(line, text.substring(0, at) + data.pickValue(PIECES) + text.substring(at));
                }
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        FastPathTarget.check(String.join("\n", lines));
    }

    /** Read once per run: the texts mutations start from. */
    private static final class Seeds {
        static final List<String> TEXTS = YamlTexts.casesAndGenerated(20);
    }
}
