package dev.berth.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.diag.Code;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The value rules field by field, and the encoders refusing exactly what the rules refuse. Codes the
 * config language cannot reach yet (drop-in names, environment names) are tested here.
 */
class ValueRulesTest {
    private static String code(Optional<ValueProblem> p) {
        return p.map(v -> v.code().id()).orElse("ok");
    }

    @Test
    void plain() {
        assertEquals("ok", code(ValueRules.plain("web")));
        assertEquals("ok", code(ValueRules.plain("100% \"q\" 'o' $X ${Y} ; # \\n")));
        assertEquals("ok", code(ValueRules.plain("a\tb")));
        assertEquals("V004", code(ValueRules.plain("")));
        assertEquals("V003", code(ValueRules.plain(" web")));
        assertEquals("V003", code(ValueRules.plain("web\t")));
        // systemd strips only ASCII whitespace: a no-break space survives (EncodeRoundTripTest)
        assertEquals("ok", code(ValueRules.plain("web\u00a0")));
        assertEquals("V003", code(ValueRules.plain("web\u2003")));
        assertEquals("V002", code(ValueRules.plain("web\\")));
    }

    @Test
    void controlCharactersBreakPlainFieldsButNotQuotedWords() {
        for (String bad : List.of("a\nb", "a\rb", "a\u0000b", "a\u001bb", "a\u007fb", "a\u0085b", "a\u2028b")) {
            assertEquals(Code.V001, ValueRules.plain(bad).orElseThrow().code(), bad);
            if (bad.indexOf('\0') < 0) {
                assertEquals(Optional.empty(), ValueRules.execArgument(bad), bad);
                assertEquals(Optional.empty(), ValueRules.environmentValue(bad), bad);
            }
        }
        assertEquals(Code.V001, ValueRules.execArgument("a\0b").orElseThrow().code());
        assertEquals(Code.V001, ValueRules.environmentValue("\0").orElseThrow().code());
    }

    @Test
    void invalidUnicodeAndLength() {
        assertEquals(Code.V008, ValueRules.plain("a\uD800").orElseThrow().code());
        assertEquals(Code.V008, ValueRules.execArgument("\uDC00x").orElseThrow().code());
        assertEquals(Optional.empty(), ValueRules.plain("a\uD83D\uDE00"));
        assertEquals(Code.V005, ValueRules.plain("x".repeat(4097)).orElseThrow().code());
        assertEquals(Code.V005, ValueRules.execArgument("€".repeat(1366)).orElseThrow().code());
        assertEquals(Optional.empty(), ValueRules.execArgument("€".repeat(1365)));
    }

    @ParameterizedTest(name = "program ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /usr/sbin/sshd       | ok
            /opt/100%/bin        | ok
            sshd                 | V007
            -/usr/sbin/sshd      | V007
            @/usr/sbin/sshd      | V007
            +/usr/sbin/sshd      | V007
            !/usr/sbin/sshd      | V007
            :/usr/sbin/sshd      | V007
            /                    | V007
            /usr/sbin/           | V007
            /usr//sbin/sshd      | V007
            /usr/./sbin/sshd     | V007
            /usr/../sbin/sshd    | V007
            /usr/sbin/..         | V007
            /usr/sbin/.sshd      | ok
            /opt/my prog         | V006
            /opt/o'brien         | V006
            /opt/a$b             | V006
            """)
    void program(String value, String expected) {
        assertEquals(expected, code(ValueRules.execProgram(value)));
    }

    @ParameterizedTest(name = "environment name ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PATH     | ok
            _x9      | ok
            MY-VAR   | V009
            9LIVES   | V009
            A B      | V009
            """)
    void environmentNames(String name, String expected) {
        assertEquals(expected, code(ValueRules.environmentName(name)));
    }

    @ParameterizedTest(name = "drop-in ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10-limits.conf     | ok
            override.conf      | ok
            limits             | N004
            limits.conf.bak    | N004
            .hidden.conf       | N004
            .conf              | N004
            a/b.conf           | N004
            my limits.conf     | N004
            """)
    void dropInNames(String name, String expected) {
        assertEquals(expected, code(UnitName.dropInProblem(name)));
        UnitName.dropInProblem(name).ifPresent(p -> assertTrue(p.hint().contains(".conf"), p.hint()));
    }

    @Test
    void encodersRefuseWhatTheRulesRefuse() {
        assertThrows(IllegalArgumentException.class, () -> Encode.plain("a\nUser=root"));
        assertThrows(IllegalArgumentException.class, () -> Encode.plain("web\\"));
        assertThrows(IllegalArgumentException.class, () -> Encode.word("o'brien"));
        assertThrows(IllegalArgumentException.class, () -> Encode.exec("", List.of("-/bin/sh")));
        assertThrows(IllegalArgumentException.class, () -> Encode.exec("", List.of("/bin/sh", "a\0")));
        assertThrows(IllegalArgumentException.class, () -> Encode.exec("x", List.of("/bin/sh")));
        assertThrows(IllegalArgumentException.class, () -> Encode.environment("A-B", "x"));
    }

    @Test
    void encodings() {
        assertEquals("100%% sure", Encode.plain("100% sure"));
        assertEquals("-/usr/sbin/sshd -i", Encode.exec("-", List.of("/usr/sbin/sshd", "-i")));
        assertEquals("/bin/echo $$HOME %%i \"a b\" \"\" \";\" \"x\\\\y\" \"\\\"q\\\"\" \"l1\\nl2\\x1b\\u0085\"",
                Encode.exec("", List.of("/bin/echo", "$HOME", "%i", "a b", "", ";", "x\\y", "\"q\"", "l1\nl2\u001b\u0085")));
        assertEquals("\"A=$HOME 100%% \\\"q\\\"\\n\"", Encode.environment("A", "$HOME 100% \"q\"\n"));
    }
}
