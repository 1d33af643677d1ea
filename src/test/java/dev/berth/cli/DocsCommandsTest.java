package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testing.Cases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

/**
 * Every berth command line in a code block of README.md and docs/ parses: verbs and options in the docs
 * exist and take the arguments shown. Berth configs (```yaml) are compiled by DocsYamlTest; other YAML
 * (CI workflows, pre-commit) is fenced as ```yml, must be valid YAML, and its run: and entry: commands
 * are checked here too. pre-commit appends file names to an entry, so an entry may lack its FILE.
 */
class DocsCommandsTest {
    /** Where a command starts: a line (after a prompt, a list dash, run: or entry:), or after a shell operator. */
    private static final Pattern COMMAND = Pattern.compile(
            "(?:^\\s*(?:\\$\\s+)?(?:-\\s+)?(?:run:\\s*|entry:\\s*)?|&&\\s*|\\|\\|\\s*|;\\s*|\\|\\s*|\\$\\(|<\\(|\\(\\s*)"
                    + "(?:sudo\\s+)?(?:[A-Z_]+=\\S*\\s+)*(?:[\\w./$-]*/)?berth(?=\\s|$)");
    /** Configs, data, unit files and synopses (```text) hold no commands to run. */
    private static final Set<String> NOT_SHELL = Set.of("yaml", "json", "ini", "text");

    record Block(String where, String language, List<String> lines) {
    }

    record Example(String where, String line, List<String> args, boolean entry) {
        @Override
        public String toString() {
            return where + ": " + line.strip();
        }
    }

    static List<Block> blocks() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Cases.ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(Cases.ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("```")) {
                    String language = lines.get(i).substring(3).strip();
                    int start = i + 1;
                    int end = start;
                    while (end < lines.size() && !lines.get(end).startsWith("```")) {
                        end++;
                    }
                    blocks.add(new Block(Cases.ROOT.relativize(file) + ":" + start, language, lines.subList(start, end)));
                    i = end;
                }
            }
        }
        return blocks;
    }

    static List<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        for (Block block : blocks()) {
            if (NOT_SHELL.contains(block.language())) {
                continue;
            }
            for (int n = 0; n < block.lines().size(); n++) {
                String line = block.lines().get(n);
                if (line.strip().startsWith("#")) {
                    continue;
                }
                Matcher m = COMMAND.matcher(line);
                while (m.find()) {
                    String where = block.where().replaceFirst(":\\d+$", ":" + (Integer.parseInt(block.where().replaceFirst(".*:", "")) + n + 1));
                    examples.add(new Example(where, line, words(line.substring(m.end())), line.strip().startsWith("entry:")));
                }
            }
        }
        return examples;
    }

    /** Shell words up to the end of the command: quotes removed, stopping at an operator, redirection or comment. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == '\\' && i + 1 < text.length()) {
                word = word == null ? new StringBuilder() : word;
                word.append(text.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (";|&<>)".indexOf(c) >= 0 || c == '#' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void parses(Example example) {
        try {
            Main.commandLine(Environment.captured()).parseArgs(example.args().toArray(String[]::new));
        } catch (CommandLine.MissingParameterException e) {
            if (!example.entry()) {
                throw e;
            }
            List<String> withFile = new ArrayList<>(example.args());
            withFile.add("berth.yaml");
            assertDoesNotThrow(() -> Main.commandLine(Environment.captured()).parseArgs(withFile.toArray(String[]::new)),
                    example.toString());
        }
    }

    @Test
    void theDocsShowEveryVerb() throws IOException {
        List<Example> examples = examples();
        for (String verb : Main.commandLine(Environment.captured()).getSubcommands().keySet()) {
            if (!verb.equals("help")) {
                assertTrue(examples.stream().anyMatch(e -> !e.args().isEmpty() && e.args().get(0).equals(verb)),
                        "no example of berth " + verb + " in the docs");
            }
        }
    }

    @Test
    void otherYamlIsValidYaml() throws IOException {
        List<Block> yml = blocks().stream().filter(b -> b.language().equals("yml")).toList();
        assertFalse(yml.isEmpty());
        for (Block block : yml) {
            assertDoesNotThrow(() -> new Load(LoadSettings.builder().build()).loadFromString(String.join("\n", block.lines())),
                    block.where());
        }
    }

    @Test
    void wordsAreSplitAsAShellWould() {
        assertEquals(List.of("validate", "--strict", "hosts/**/*.yaml"), words(" validate --strict 'hosts/**/*.yaml' # all"));
        assertEquals(List.of("compile", "$config", "-o", "compiled/$host"), words(" compile \"$config\" -o \"compiled/$host\" || exit 1"));
        assertEquals(List.of("completion", "zsh"), words(" completion zsh)' >> ~/.zshrc"));
        assertEquals(List.of("schema"), words(" schema > berth.schema.json"));
    }

    private static void assertEquals(List<String> expected, List<String> actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
