package dev.berth.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.diag.Diagnostics;
import dev.berth.property.ConfigGenerator;
import dev.berth.testing.Cases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The loader reads plain documents straight from the parser's events and everything else through the node
 * graph. For every document the fast way accepts, both ways must give the same values and the same positions;
 * every document it gives up on must be one the general way has something to say about (or one it cannot take).
 */
class PlainDocumentTest {
    private static final List<String> ODD = List.of(
            "a: 1\n",
            "a: [1, 2.5, -3, 0x1F, 0o17, true, null, ~, '', \"x\\ty\"]\n",
            "a: {b: {c: [d, {e: f}]}}\n",
            "a:\n  - b: 1\n    c: 2\n  -\n    - x\n    - y\n",
            "a: |\n  literal\n  text\nb: >\n  folded\n  text\nc: 'single'\nd: \"double\"\n",
            "a: b # comment\n# comment\nc: d\n",
            "\"quoted key\": 1\n'x/y~z': 2\n",
            "a: !!str 12\nb: !!int \"7\"\nc: ! 3\n",
            "a: 123456789012345678901234567890\nb: 1e3\nc: .inf\nd: -.inf\ne: .nan\n",
            "---\na: 1\n...\n",
            "a: 1\r\nb:\r\n  - 2\r\n",
            "",
            "# only a comment\n",
            "a: &x 1\nb: *x\n",
            "a: 1\na: 2\n",
            "? [a]\n: 1\n",
            "a: !custom 1\n",
            "a: !!set {b: null}\n",
            "!!merge <<: {a: 1}\n",
            "a: 1\n---\nb: 2\n",
            "a: [1, 2\n",
            "\ta: 1\n",
            "[1, 2, 3]\n",
            "just a scalar\n",
            "a: 0x\n",
            "a:\n",
            "a: [[[[[[[[[[1]]]]]]]]]]\n");

    @Test
    void theFastWayMatchesTheGeneralWayWhereverItApplies() {
        List<String> inputs = new ArrayList<>(ODD);
        Cases.all().forEach(c -> inputs.add(c.text()));
        for (long seed = 0; seed < 40; seed++) {
            inputs.add(new ConfigGenerator(seed).generate());
        }
        int plain = 0;
        YamlLoader loader = new YamlLoader();
        for (String text : inputs) {
            Source source = new Source("berth.yaml", text);
            Optional<Document> fast = loader.loadPlain(source);
            Diagnostics diagnostics = new Diagnostics();
            Optional<Document> general = loader.loadComposed(source, diagnostics);
            if (fast.isEmpty()) {
                continue;
            }
            plain++;
            assertTrue(general.isPresent() && diagnostics.isEmpty(), () -> "the fast way took a document the general way "
                    + "reports: " + text + "\n" + diagnostics.all());
            assertEquals(general.get().root(), fast.get().root(), text);
            assertEquals(FastPathTarget.positions(general.get().sourceMap()), FastPathTarget.positions(fast.get().sourceMap()), text);
        }
        assertTrue(plain > inputs.size() / 2, "the fast way took only " + plain + " of " + inputs.size() + " documents");
    }
}
