package dev.berth.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.load.Source;
import dev.berth.testing.Cases;
import dev.berth.tree.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every YAML block in README.md and docs/ compiles without errors or warnings. docs/diagnostics.md is
 * left out: it shows broken configs on purpose, and DiagnosticCodesTest covers what berth says about them.
 * YAML that is not a berth config (CI workflows, pre-commit) is fenced as ```yml instead; DocsCommandsTest
 * checks it. A config with a mistake on purpose, shown before what berth says about it, is fenced as
 * ```yaml broken; DocsOutputTest runs berth on it.
 */
class DocsYamlTest {
    private static final Pattern BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    record Block(String where, String yaml) {
        @Override
        public String toString() {
            return where;
        }
    }

    static List<Block> blocks() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Cases.ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(Cases.ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md") && !p.endsWith("diagnostics.md")).sorted().forEach(files::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                int line = text.substring(0, m.start()).split("\n", -1).length;
                blocks.add(new Block(Cases.ROOT.relativize(file) + ":" + line, m.group(1)));
            }
        }
        return blocks;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void compilesCleanly(Block block) {
        Result<FileTree> result = Berth.compile(new Source(block.where(), block.yaml()));
        assertTrue(result.ok() && result.diagnostics().isEmpty(),
                () -> block.where() + ":\n" + result.diagnostics().all());
    }
}
