package dev.berth.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.load.Source;
import dev.berth.load.YamlLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/diagnostics.md is the catalogue, and the catalogue's entries are complete and consistent. */
class CatalogueDocTest {
    private static final Path DOC = Path.of("docs/diagnostics.md");

    @Test
    void docsMatchTheCatalogue() throws Exception {
        String expected = Catalogue.markdown();
        if (Boolean.getBoolean("berth.writeDocs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(DOC), DOC + " is missing; run: mvn -B -o test -Dtest=CatalogueDocTest -Dberth.writeDocs=true");
        assertEquals(expected, Files.readString(DOC, StandardCharsets.UTF_8),
                DOC + " is stale; run: mvn -B -o test -Dtest=CatalogueDocTest -Dberth.writeDocs=true");
    }

    @Test
    void everyEntryIsComplete() {
        Set<String> titles = new HashSet<>();
        for (Code code : Code.values()) {
            assertTrue(code.id().matches("[YSNPFVCRDHLA][0-9]{3}"), code.id());
            assertFalse(code.title().isBlank(), code + " title");
            assertTrue(titles.add(code.title()), code + " repeats a title");
            assertTrue(code.explanation().length() > 40, code + " explanation");
            assertFalse(code.badExample().equals(code.goodExample()), code + " examples");
            assertTrue(Catalogue.explain(code).contains(code.badExample().lines().findFirst().orElseThrow()), code + " explain");
            assertTrue(Catalogue.list().contains(code.id()), code + " listed");
        }
    }

    @Test
    void codesOfATopicShareALetter() {
        for (Code code : Code.values()) {
            char letter = switch (code.topic()) {
                case "yaml" -> 'Y';
                case "schema" -> 'S';
                case "names" -> 'N';
                case "ports" -> 'P';
                case "paths" -> 'F';
                case "values" -> 'V';
                case "compat" -> 'C';
                case "references" -> 'R';
                case "deprecated" -> 'D';
                case "settings" -> 'H';
                case "limits" -> 'L';
                case "apply" -> 'A';
                default -> '?';
            };
            assertEquals(letter, code.id().charAt(0), code + " topic " + code.topic());
        }
    }

    /** YAML examples are YAML: every good one loads; the YAML-topic bad ones produce their own code. */
    @Test
    void examplesLoad() {
        for (Code code : Code.values()) {
            String good = code.goodExample();
            if (!good.startsWith("[") && !good.startsWith("#") && !good.startsWith("(") && good.contains(":")) {
                Diagnostics d = new Diagnostics();
                assertTrue(new YamlLoader().load(new Source("good.yaml", good), d).isPresent(), code + " good example: " + d.all());
            }
            if (code.topic().equals("yaml") && !code.badExample().startsWith("(")) {
                Diagnostics d = new Diagnostics();
                new YamlLoader(new dev.berth.load.LoaderLimits(1 << 20, 2, 64, 100_000)).load(new Source("bad.yaml", code.badExample()), d);
                assertTrue(d.all().stream().anyMatch(x -> x.code() == code), code + " bad example gives " + d.all());
            }
        }
    }
}
