package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.berth.Berth;
import dev.berth.load.Source;
import dev.berth.model.Config;
import dev.berth.probe.ProbeFile;
import dev.berth.property.ConfigGenerator;
import dev.berth.testing.Cases;
import dev.berth.testing.Cases.Case;
import dev.berth.translate.PlacedUnit;
import dev.berth.translate.Translator;
import dev.berth.translate.UnitSet;
import dev.berth.tree.FileNode;
import dev.berth.tree.FileTree;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitParser;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What berth writes is what it built: every unit file in the compiled tree, read back with {@link UnitParser},
 * holds exactly the sections, entries, values and why-comments of the {@link UnitFile} the translator made, in
 * their order; and every file in the tree besides the notes is one of those units.
 */
class UnitRoundTripTest {
    static List<Case> compiling() {
        return Cases.all().stream().filter(c -> Berth.validate(source(c)).ok()).toList();
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compiling")
    void everyUnitOfACaseReadsBackAsBuilt(Case c) {
        assertReadsBackAsBuilt(source(c));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyUnitOfAGeneratedConfigReadsBackAsBuilt(long seed) {
        assertReadsBackAsBuilt(new Source("generated.yaml", new ConfigGenerator(seed).generate()));
    }

    /** Compiles the source and reads each written unit back; returns the built units, each with its text. */
    static Map<PlacedUnit, String> assertReadsBackAsBuilt(Source source) {
        Config config = Berth.validate(source).value().orElseThrow();
        UnitSet built = new Translator().translate(config);
        FileTree tree = Berth.compile(source).value().orElseThrow();
        Map<String, FileNode> unread = new TreeMap<>(tree.entries());
        unread.values().removeIf(node -> !(node instanceof FileNode.RegularFile));
        unread.remove(Renderer.NOTES_PATH);
        FileNode probes = unread.remove(ProbeFile.PATH);
        if (!built.probes().isEmpty()) {
            assertEquals(ProbeFile.write(built.probes()), assertInstanceOf(FileNode.RegularFile.class, probes).content(),
                    ProbeFile.PATH + " holds the probes built");
        }
        Map<PlacedUnit, String> texts = new java.util.LinkedHashMap<>();
        for (PlacedUnit placed : built.units()) {
            FileNode.RegularFile file = assertInstanceOf(FileNode.RegularFile.class, unread.remove(placed.path()),
                    placed.path() + " must be written");
            UnitFile unit = placed.unit();
            UnitFile read = UnitParser.parse(unit.fileName(), unit.kind(), file.content());
            assertEquals(unit.sections(), read.sections(), placed.path() + " as written:\n" + file.content());
            texts.put(placed, file.content());
        }
        assertEquals(List.of(), List.copyOf(unread.keySet()), "files written that are no unit berth built");
        return texts;
    }

    private static Source source(Case c) {
        return new Source(c.input().getFileName().toString(), c.text());
    }
}
