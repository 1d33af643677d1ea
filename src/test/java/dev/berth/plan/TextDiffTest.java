package dev.berth.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
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

    /** New and removed files skip the diff's search; the hunk must be the one the diff gives. */
    @Test
    void aWholeFileAddedOrRemovedIsTheHunkTheDiffGives() {
        for (String text : List.of("a\nb\n", "a\nb", "a\n", "\n", "", "x\n\ny\n", "\n\n\n", "only")) {
            assertEquals(viaDiff("", text), TextDiff.hunks("", text), text);
            assertEquals(viaDiff(text, ""), TextDiff.hunks(text, ""), text);
        }
    }

    private static List<String> viaDiff(String before, String after) {
        List<String> a = TextDiff.lines(before);
        List<String> b = TextDiff.lines(after);
        var patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return List.of();
        }
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("before", "after", a, patch, TextDiff.CONTEXT);
        return unified.subList(2, unified.size());
    }
}
