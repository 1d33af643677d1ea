package dev.berth.schema;

import java.util.regex.Pattern;

/** What every message and hint berth prints must be: words, never a regular expression; a hint never left empty. */
final class Wording {
    /** Pieces of regular-expression syntax that plain words and paths do not contain. */
    private static final Pattern REGEX = Pattern.compile(
            "\\^[\\[(/A-Za-z]|\\[\\^|\\][*+?{]|\\\\[.dswDSW]|\\(\\?|\\)[*+?]|\\|[^ ]*\\)\\$|\\$\\)|\\{[0-9]+,[0-9]*\\}|[*+)]\\$|regex");

    private Wording() {
    }

    static boolean looksLikeRegex(String text) {
        return REGEX.matcher(text).find();
    }

    /** Why a hint is no help, or null when it is fine. */
    static String hintProblem(String hint) {
        if (hint.isBlank()) {
            return "the hint is empty";
        }
        if (hint.stripTrailing().endsWith(":")) {
            return "the hint ends in ':' with nothing after it";
        }
        return looksLikeRegex(hint) ? "the hint shows a regular expression" : null;
    }
}
