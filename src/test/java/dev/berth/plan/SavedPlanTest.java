package dev.berth.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testing.Installs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved plan reads back as the plan that was written, and a damaged one says what is wrong. */
class SavedPlanTest {
    @TempDir
    Path dir;

    @Test
    void aPlanReadsBackAsItWasWritten() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Installs.apply(root, Installs.BOTH);
        Files.writeString(root.resolve("etc/systemd/system/alpha.socket"), "# edited\n");
        Plan plan = Installs.plan(Installs.offline(root), Installs.config(Installs.ALPHA));
        assertTrue(plan.toChange() > 0 && plan.toDestroy() > 0 && !plan.warnings().isEmpty(), plan.toString());

        SavedPlan saved = new SavedPlan(plan, "b1");
        SavedPlan read = SavedPlan.parse(saved.toJson().getBytes(StandardCharsets.UTF_8));
        assertEquals(saved, read);
        assertEquals(saved.toJson(), read.toJson());
    }

    @Test
    void contentThatDoesNotMatchItsHashIsRefused() throws IOException {
        Plan plan = Installs.plan(Installs.offline(Files.createDirectories(dir.resolve("root"))), Installs.BOTH);
        String json = new SavedPlan(plan, "b1").toJson().replaceFirst("\"content\": \"", "\"content\": \"x");
        SavedPlan.Invalid invalid = assertThrows(SavedPlan.Invalid.class,
                () -> SavedPlan.parse(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(invalid.getMessage().startsWith("the content given for a file does not have its sha256"), invalid.getMessage());
    }

    @Test
    void aConfigIsNotTakenForASavedPlan() {
        assertTrue(SavedPlan.looksSaved("{\n  \"format\": \"berth-plan\",".getBytes(StandardCharsets.UTF_8)));
        assertTrue(!SavedPlan.looksSaved("containers:\n  web: {}\n".getBytes(StandardCharsets.UTF_8)));
    }
}
