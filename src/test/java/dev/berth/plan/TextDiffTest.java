package dev.berth.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextDiffTest {
    @Test
    void hunksHoldContextAndTheChangedLinesOnly() {
        assertEquals(List.of("@@ -3,7 +3,7 @@", " 3", " 4", " 5", "-6", "+six", " 7", " 8", " 9"),
                TextDiff.hunks("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\n2\n3\n4\n5\nsix\n7\n8\n9\n10\n"));
    }

    @Test
    void aMissingFinalNewlineShows() {
        assertEquals(List.of("@@ -1,2 +1,1 @@", " a", "-\\ No newline at end of file"), TextDiff.hunks("a", "a\n"));
    }

    @Test
    void equalTextsHaveNoHunks() {
        assertEquals(List.of(), TextDiff.hunks("x\n", "x\n"));
    }
}
