package dev.berth.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.diag.Diagnostics;
import dev.berth.load.Document;
import dev.berth.load.Source;
import dev.berth.load.YamlLoader;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A document with many containers is validated container by container on several threads; it must get exactly
 * the findings of validating it whole, each at its full path, with the codes the value rules give (F001, V004).
 */
class LargeDocumentValidationTest {
    /** Mistakes the schema finds inside one container, one per container in turn. */
    private static final List<String> MISTAKES = List.of(
            "    rooot: /srv/NAME\n",                                   // unknown key (S002)
            "    journal: sometimes\n",                                 // not in the enum (S004)
            "    boot: {args: 3}\n",                                   // wrong type (S001)
            "    ports: {ssh: {}}\n",                                   // missing listen (S003)
            "    description: ''\n",                                    // empty (V004)
            "    services: {s: {exec: [], port: ssh}}\n",               // too few items (S005)
            "    mask: [relative/path, ssh.service]\n",
            "");

    private static String config() {
        StringBuilder yaml = new StringBuilder("berth: 1\nunknown-top: 1\ncontainers:\n");
        for (int i = 0; i < 300; i++) {
            String name = "c" + i;
            String mistake = MISTAKES.get(i % MISTAKES.size()).replace("NAME", name);
            yaml.append("  ").append(name).append(":\n")
                    .append(i % 11 == 0 ? "    root: srv/" + name + "\n" : "    root: /srv/" + name + "\n") // F001
                    .append(mistake);
        }
        return yaml.toString();
    }

    private static List<String> shown(Diagnostics diagnostics) {
        return diagnostics.all().stream()
                .map(d -> d.code().id() + " " + d.path() + ": " + d.summary() + " | " + d.hint())
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    @Test
    void containerByContainerFindsWhatTheWholeDocumentGives() {
        Document document = new YamlLoader().load(new Source("berth.yaml", config()), new Diagnostics()).orElseThrow();
        SchemaValidator validator = SchemaValidator.get();

        Diagnostics split = new Diagnostics();
        validator.validate(document, split);
        Diagnostics whole = new Diagnostics();
        validator.validateWhole(SchemaValidator.toJson(document.root()), whole);

        assertEquals(shown(whole), shown(split));
        assertTrue(split.all().size() > 250, "every kind of mistake was found: " + split.all().size());
        java.util.Set<String> codes = new java.util.TreeSet<>(split.all().stream().map(d -> d.code().id()).toList());
        assertTrue(codes.containsAll(List.of("S001", "S002", "S003", "S004", "S005", "F001", "V004")), codes::toString);
        assertTrue(split.all().stream().anyMatch(d -> d.path().equals("/unknown-top")), "the document's own findings too");
    }
}
