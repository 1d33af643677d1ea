package dev.berth.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The block reader reads the common YAML without the parser. Wherever it reads a text, it must give what the
 * parser's events give: the same values, in the same order, and the same node count; wherever it is unsure it
 * gives up, and the parser reads the text.
 */
class BlockReaderTest {
    private final YamlLoader loader = new YamlLoader();

    /** What the block reader gives, through the loader's fast way with the block reader first. */
    private Optional<YamlLoader.PlainValues> quick(String text, int depth) {
        return loader.plainValues(new Source("berth.yaml", text), depth);
    }

    /** True when the block reader read the text; then its values are exactly the parser's. */
    private boolean readsAsTheParser(String text) {
        return readsAsTheParser(text, 0);
    }

    private boolean readsAsTheParser(String text, int depth) {
        Optional<BlockReader.Values> read = loader.blockValues(new Source("berth.yaml", text), depth);
        Optional<YamlLoader.PlainValues> parsed = loader.eventValues(new Source("berth.yaml", text), depth);
        if (read.isEmpty()) {
            return false;
        }
        assertTrue(parsed.isPresent(), () -> "read a text the parser does not read plainly:\n" + text);
        assertEquals(parsed.get().root(), read.get().root(), text);
        assertEquals(String.valueOf(parsed.get().root()), String.valueOf(read.get().root()), "order in\n" + text);
        assertEquals(parsed.get().nodes(), read.get().nodes(), "nodes in\n" + text);
        assertEquals(parsed.get().root(), quick(text, depth).orElseThrow().root(), "through the loader:\n" + text);
        return true;
    }

    @Test
    void everyCaseAndGeneratedConfigIsReadAsTheParserReadsIt() {
        List<String> texts = YamlTexts.casesAndGenerated(60);
        long read = texts.stream().filter(this::readsAsTheParser).count();
        assertTrue(read > texts.size() * 3 / 4, "only " + read + " of " + texts.size() + " read: the reader lost its reach");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: 1\nb: -2\nc: 0x1F\nd: 0o17\ne: 1e3\nf: .inf\ng: -.inf\nh: .nan\ni: 12345678901234567890123\n",
        "a: true\nb: false\nc: null\nd: ~\ne: True\nf: NULL\ng: yes\nh: off\n",
        "a: 10.0.0.1:80\nb: http://example.com/x?y=z\nc: it's\nd: say \"hi\"\ne: x, y (z)\nf: a -b --c\n",
        "a: x # a comment\nb: 'it''s' # another\nc: \"q\\\"uote\\\\ \\/ \\t \\n\"\n# a comment line\n   # indented\n\nd: e\n",
        "a: [-i, /usr/sbin/sshd, \"3\", '4', 5, [x, [y]], {k: v}, {}, []]\nb: {c: d, e: [f], g: {h: 1}}\n",
        "a:\n- b\n- c\nd:\n  - e: 1\n    f: 2\n  - g\n  - h: [1]\ni: j\n",
        "- a\n- b: c\n  d: e\n- [f]\n",
        "a:\n  b:\n    c:\n      d: e\n  f: g\nh: i\n",
        "a: b   \nc:    d\ne:   \n  f: g\n",
        "a: b",
        "sshd@.service: 1\nlimits.conf: 2\nper-connection: 3\nx_y+z/w: 4\n",
        "a: x:y\nb: -x\nc: ?x\nd: x-\ne: x?\nf: x.y\ng: '#'\nh: \"#\"\n",
        "a: Café déjà vu\nb: \"日本 \uD83D\uDE00\"\nc: ['ü', \u00A0x]\n",
    })
    void commonFormsAreRead(String text) {
        assertTrue(readsAsTheParser(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "# only a comment\n", "just a scalar\n", "[1, 2]\n", "{a: 1}\n", "---\na: 1\n", "a: 1\n...\n", "%YAML 1.2\n---\na: 1\n",
        "a: 1\n---\nb: 2\n", "a:\n", "a:\nb: 1\n", "a: 1\na: 2\n", "a: {b: 1, b: 2}\n", "\"a\": 1\n", "'a': 1\n",
        "a: |\n  x\n", "a: >\n  x\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "<<: {a: 1}\n", "? a\n: 1\n",
        "a: b\n  c\n", "a: \"b\n  c\"\n", "a: 'b\n  c'\n", "a: [b,\n  c]\n", "a: {b: c,\n  d: e}\n",
        "a: b: c\n", "a: b:\n", "a: b#c\n", "a: \"b\"c\n", "a: [b,]\n", "a: [b,,c]\n", "a: {b: }\n", "a: {b:c}\n",
        "a: [b: c]\n", "a: {b: c:d}\n", "a: [x]y\n", "a: b [c]\n", "a: \"\\x41\"\n", "a: \"\\u0041\"\n",
        "a:\t1\n", "\ta: 1\n", "a: 1\r\n", "a: x\u0085y\n", "a: x\u2028y\n", "a: \u0080\n", "a: \uD800\n", "a: \uFFFE\n", "\uFEFFa: 1\n", "a: 1\n b: 2\n", "a:\n  b: 1\n c: 2\n",
        "- a\n - b\n", "- - a\n", "-\n  a\n", "- # c\n  a: 1\n", "a:\n  - b\n  c: 1\n", "a: - b\n", "@a: 1\n",
        "-a: 1\n", "a: [x, -, y]\n", "a: [-]\n", "a: {b: -}\n", "a: [?, x]\n", "a : 1\n", "a:1\n", "a: *\n", "a: `x`\n", "a: @x\n", "a: %x\n", "a: |x\n", "a: >x\n",
    })
    void anythingElseIsLeftToTheParser(String text) {
        assertTrue(loader.blockValues(new Source("berth.yaml", text), 0).isEmpty(), text);
    }

    @Test
    void partsOfADocumentReadDeeperCountDepthAsTheParser() {
        String part = "  a:\n    b: {c: 1}\n  d: [e]\n";
        assertTrue(readsAsTheParser(part, 1));
        // depth: the part 0, a 1, b 2, c 3
        assertTrue(BlockReader.read(part, 0, new LoaderLimits(1 << 20, 10, 3, 100), t -> 1).isPresent());
        assertTrue(BlockReader.read(part, 0, new LoaderLimits(1 << 20, 10, 2, 100), t -> 1).isEmpty(), "too deep");
        assertTrue(BlockReader.read(part, 1, new LoaderLimits(1 << 20, 10, 3, 100), t -> 1).isEmpty(), "read deeper");
        long nodes = BlockReader.read(part, 0, LoaderLimits.DEFAULT, t -> 1).orElseThrow().nodes();
        assertTrue(BlockReader.read(part, 0, new LoaderLimits(1 << 20, 10, 64, (int) nodes - 1), t -> 1).isEmpty());
    }

    /** Pieces of YAML that change what a line means. */
    private static final List<String> RISKY = List.of("\"", "'", "''", "[", "]", "{", "}", ",", "|", ">", "&a ", "*a",
            "#", " #", "\t", " ", "  ", "- ", "-", "? ", ":", ": ", " :", "---", "...", "!!str ", "\\", "\\n", "\\\"",
            "\r", "\n", "\n  ", "\n- ", "~", "null", "0x1", "1e", ".", "@", "%", "`", "é");

    @Test
    void mutatedConfigsAreReadAsTheParserReadsThemOrLeftToIt() {
        Random random = new Random(20261205);
        int read = 0;
        int rounds = Integer.getInteger("berth.blockreader.rounds", 3000);
        List<String> texts = YamlTexts.casesAndGenerated(50); // the examples too: they hold forms generated ones lack
        for (int round = 0; round < rounds; round++) {
            String text = YamlTexts.mutated(random, texts.get(round % texts.size()), RISKY);
            read += readsAsTheParser(text) ? 1 : 0;
        }
        assertTrue(read > rounds / 20, "only " + read + " of " + rounds + " mutated documents were read: the test lost its reach");
    }
}
