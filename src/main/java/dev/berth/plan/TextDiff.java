package dev.berth.plan;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/** Unified diffs of file texts, through java-diff-utils: hunks only, since the plan names the path itself. */
public final class TextDiff {
    static final int CONTEXT = 3;
    static final String NO_NEWLINE = "\\ No newline at end of file";

    private TextDiff() {
    }

    /** The hunks turning {@code before} into {@code after}, e.g. {@code @@ -7,3 +7,3 @@}, {@code -old}, {@code +new}. */
    public static List<String> hunks(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a.isEmpty() || b.isEmpty()) {
            // a file from nothing or to nothing: one hunk of every line, as the diff would give it, without the
            // diff's search, whose time grows with the square of the lines (NOTES.md of a large config has many)
            return whole(a.isEmpty() ? b : a, a.isEmpty() ? "+" : "-", a.isEmpty());
        }
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return List.of();
        }
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("before", "after", a, patch, CONTEXT);
        return unified.subList(2, unified.size()); // drop the ---/+++ header: the plan line names the file
    }

    private static List<String> whole(List<String> lines, String marker, boolean added) {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> hunk = new ArrayList<>(lines.size() + 1);
        hunk.add(added ? "@@ -1,0 +1," + lines.size() + " @@" : "@@ -1," + lines.size() + " +1,0 @@");
        for (String line : lines) {
            hunk.add(marker + line);
        }
        return hunk;
    }

    /** Lines without their newline; a last line without one gets git's marker so the difference shows. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        } else {
            lines.add(NO_NEWLINE);
        }
        return lines;
    }
}
