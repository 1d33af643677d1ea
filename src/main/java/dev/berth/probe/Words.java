package dev.berth.probe;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** How a probe's details show what came over the wire and how long it took, for people reading a terminal. */
final class Words {
    /** Longer answers are cut: a detail is one line of a report, and a wrong port may send a whole page. */
    static final int SHOWN = 120;

    private Words() {
    }

    /**
     * What came, printable and at most {@value #SHOWN} characters: control characters and format characters (such
     * as a right-to-left override) are written as escapes, so a terminal shows what the service sent instead of
     * acting on it.
     */
    static String shown(String text) {
        List<String> pieces = new ArrayList<>();
        int length = 0;
        for (int i = 0; i < text.length() && length <= SHOWN; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            String piece = Character.isISOControl(c) ? String.format("\\x%02x", c)
                    : Character.getType(c) == Character.FORMAT ? String.format("\\u{%04x}", c)
                    : Character.toString(c);
            pieces.add(piece);
            length += piece.length();
        }
        StringBuilder out = new StringBuilder();
        for (String piece : pieces) {
            if (length > SHOWN && out.length() + piece.length() > SHOWN - 3) {
                return out.append("...").toString();
            }
            out.append(piece);
        }
        return out.toString();
    }

    /** {@code 'what came'}, shown. */
    static String quoted(String text) {
        return "'" + shown(text) + "'";
    }

    /** A timeout as people say it: {@code 30 s}, {@code 1.5 s}, {@code 250 ms}. */
    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }
}
