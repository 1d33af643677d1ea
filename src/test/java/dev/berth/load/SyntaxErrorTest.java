package dev.berth.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.diag.Diagnostic;
import dev.berth.diag.Diagnostics;
import dev.berth.diag.Position;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A syntax error (Y001) stands at the mistake: where something was opened and never closed, else where the parser stopped. */
class SyntaxErrorTest {
    private static Diagnostic syntaxError(String text) {
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(new YamlLoader().load(new Source("berth.yaml", text), diagnostics).isEmpty(), text);
        List<Diagnostic> all = diagnostics.all();
        assertEquals(1, all.size(), () -> all.toString());
        assertEquals("Y001", all.get(0).code().id());
        return all.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        an unclosed double quote     | berth: 1\\ncontainers:\\n  a:\\n    root: "/srv/a\\n    description: x\\n | 4:11 | found unexpected end of stream | end it with " where the text ends
        an unclosed single quote     | berth: 1\\ncontainers:\\n  a:\\n    root: '/srv/a\\n  b: {}\\n        | 4:11 | found unexpected end of stream | end it with ' where the text ends
        an unclosed bracket          | berth: 1\\ncontainers:\\n  a:\\n    mask: [a, b\\n    root: /srv/a\\n  | 4:11 | expected ',' or ']', but got : (at line 5) | end it with ']' after its last item
        an unclosed brace at the end | berth: 1\\ncontainers:\\n  a: {root: /srv/a\\n                          | 3:6  | expected ',' or '}', but got <stream end> | end it with '}' after its last entry
        a key without its colon      | berth: 1\\ncontainers:\\n  a:\\n    root: /srv/a\\n  description\\n  | 5:3  | could not find expected ':' | this key has no ':' after it
        a mis-indented key           | berth: 1\\ncontainers:\\n  a:\\n    root: /srv/a\\n   description: x\\n | 5:4 | expected <block end>, but found '<block mapping start>' | check the indentation
        a tab                        | berth: 1\\ncontainers:\\n  a:\\n\\troot: /srv/a\\n                     | 4:1  | found character '\\t(TAB)' that cannot start any token | check the indentation
        a colon in a plain value     | berth: 1\\ncontainers:\\n  a:\\n    description: x: y\\n             | 4:19 | mapping values are not allowed here | check the indentation
        """)
    void theErrorStandsAtTheMistake(String what, String text, String lineColumn, String summary, String hint) {
        Diagnostic d = syntaxError(text.replace("\\n", "\n").replace("\\t", "\t"));
        Position at = d.position().orElseThrow();
        assertEquals(lineColumn, at.line() + ":" + at.column(), what);
        assertTrue(d.summary().startsWith(summary), () -> what + ": " + d.summary());
        assertTrue(d.hint().contains(hint), () -> what + ": " + d.hint());
    }
}
