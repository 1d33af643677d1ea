package dev.berth.check.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.diag.Diagnostics;
import dev.berth.load.Document;
import dev.berth.load.Source;
import dev.berth.load.YamlLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The lists hints suggest read back, through berth's own YAML loader, as exactly the words meant. */
class CommandWordsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/usr/sbin/sshd", "-i", "--bind=fd://3", "8080", "08", "0", "3.0", "1e3", "true", "No", "null", "~",
            "-", "a:b", "a, b", "#x", "%p", "@x", "*", "&a", "!t", "{}", "[x]", "?", "|", "2>&1", "\"q\"", "back\\slash",
            "tab\there", "é", "'", " lead", "-1"})
    void aFlowItemReadsBackAsTheWord(String word) {
        assertEquals(List.of("/bin/x", word), readBack(CommandWords.flowList(List.of("/bin/x", word))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "/bin/busybox httpd -i -h /var/www => [/bin/busybox, httpd, -i, -h, /var/www] => false",
            "  /bin/a   b   => [/bin/a, b] => false",
            "/bin/sh -c 'echo \"hi\" $HOME' => [/bin/sh, -c, \"echo \\\"hi\\\" $HOME\"] => false",
            "/bin/echo \"a \\\"b\\\"\" c\\ d => [/bin/echo, \"a \\\"b\\\"\", \"c d\"] => false",
            "/bin/cat /x|/bin/grep y => [/bin/cat, \"/x|/bin/grep\", y] => true",
            "/bin/daemon >/dev/null 2>&1 => [/bin/daemon, \">/dev/null\", \"2>&1\"] => true",
            "/bin/echo '|' => [/bin/echo, \"|\"] => false",
            "/bin/echo 'unterminated => [/bin/echo, \"'unterminated\"] => false"})
    void splitsAsAShellDoes(String line, String list, boolean shellSyntax) {
        CommandWords.Split split = CommandWords.split(line);
        assertEquals(list, CommandWords.flowList(split.words()));
        assertEquals(shellSyntax, split.shellSyntax());
    }

    @Test
    void aShellLineKeepsEachWord() {
        assertEquals("/bin/kill -HUP '$MAINPID' 'it'\\''s' >/dev/null 2>&1 | /bin/logger",
                CommandWords.shellLine(List.of("/bin/kill", "-HUP", "$MAINPID", "it's", ">/dev/null", "2>&1", "|", "/bin/logger")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> readBack(String flowList) {
        Diagnostics diagnostics = new Diagnostics();
        Document document = new YamlLoader().load(new Source("t.yaml", "x: " + flowList + "\n"), diagnostics).orElseThrow(
                () -> new AssertionError(flowList + ": " + diagnostics.all()));
        return ((List<Object>) ((Map<String, Object>) document.root()).get("x")).stream().map(String::valueOf).toList();
    }
}
