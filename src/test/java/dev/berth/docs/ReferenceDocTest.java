package dev.berth.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.schema.ReferenceDoc;
import dev.berth.testing.Cases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/reference.md is the schema, rendered: it may not drift from it. */
class ReferenceDocTest {
    private static final Path DOC = Cases.ROOT.resolve("docs/reference.md");

    @Test
    void referenceIsGeneratedFromTheSchema() throws Exception {
        String expected = ReferenceDoc.render();
        if (Boolean.getBoolean("berth.writeDocs")) {
            Files.writeString(DOC, expected);
        }
        assertEquals(expected, Files.exists(DOC) ? Files.readString(DOC) : "",
                "docs/reference.md is stale; regenerate: mvn -B -o test -Dtest=ReferenceDocTest -Dberth.writeDocs=true");
    }
}
