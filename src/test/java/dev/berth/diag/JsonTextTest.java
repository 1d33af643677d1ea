package dev.berth.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Strings as berth's JSON documents write them, and read back by a JSON parser as the same text. */
class JsonTextTest {
    record Case(String value, String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("", "\"\""),
                new Case("plain /path", "\"plain /path\""),
                new Case("q\"b\\", "\"q\\\"b\\\\\""),
                new Case("\n\r\t", "\"\\n\\r\\t\""),
                new Case("\b\f\u0000\u001b\u007f", "\"\\u0008\\u000c\\u0000\\u001b\u007f\""),
                new Case("é ∑ 😀 \ufeff", "\"é ∑ 😀 \ufeff\""),
                new Case("\u2028\u2029", "\"\\u2028\\u2029\""),
                new Case("a\ud800", "\"a\\ud800\""),
                new Case("\ud800", "\"\\ud800\""),
                new Case("\udc00a", "\"\\udc00a\""),
                new Case("\ud800\ud83d\ude00\udc00", "\"\\ud800😀\\udc00\""),
                new Case("\ud800\ud800\udc00", "\"\\ud800\ud800\udc00\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void quotesAsDocumentsDo(Case c) {
        assertEquals(c.json(), JsonText.quote(c.value()));
    }

    /** A string long enough to cross the generator's buffer, with a pair split at every place. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void longStringsToo(Case c) {
        String padding = "x".repeat(8000);
        for (int at = 3990; at < 4010; at++) {
            String value = padding.substring(0, at) + c.value() + padding.substring(at);
            String json = c.json();
            assertEquals("\"" + padding.substring(0, at) + json.substring(1, json.length() - 1) + padding.substring(at) + "\"",
                    JsonText.quote(value));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsBackAsTheSameText(Case c) {
        String read = JsonMapper.builder().build().readValue(JsonText.quote(c.value()), String.class);
        assertEquals(c.value(), read);
    }
}
