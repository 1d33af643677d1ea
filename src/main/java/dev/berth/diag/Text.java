package dev.berth.diag;

/** Making user-controlled text safe to show: keys and values from a hostile file end up in messages. */
public final class Text {
    private Text() {
    }

    /**
     * The text on one line with no control characters: line breaks and tabs as {@code \n}, {@code \r},
     * {@code \t}, other control characters (C0, DEL, C1, U+2028/U+2029) as {@code \\uXXXX}. Keeps a
     * message from spanning lines or moving a terminal's cursor.
     */
    public static String printable(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
            if (control && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out == null) {
                continue;
            }
            if (!control) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out == null ? s : out.toString();
    }
}
