package dev.berth.systemd;

import dev.berth.unit.ValueRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded strings made of the pieces that break naive unit writers: quotes, backslashes, specifiers,
 * variables, command separators and prefixes, whitespace and line breaks, other control characters,
 * and Unicode beyond ASCII. The same seed always gives the same values.
 */
final class HostileValues {
    static final List<String> PIECES = List.of(
            "a", "Z", "0", "web", " ", "  ", "\t", "\n", "\r", "\r\n", "\"", "'", "\\", "\\\\", "\\n", "\\x41", "\\;",
            "%", "%i", "%I", "%n", "%%", "%%%", "$", "$$", "${X}", "$X", "${", "}", "$HOME", ";", " ; ", "-", "@", "+",
            "!", "!!", ":", "#", "=", "A=B", "é", "€", "😀", "\u00a0", "\u0085", "\u2028", "\u200b", "\u202e", "\u0001",
            "\u001b[31m", "\u007f", "*", "?", "[Service]", "]", "~", "`", "|", "&", "<", ">", "(", ")", ",", "/", "..");
    private static final List<String> LEADING = List.of("-", "@", "+", "!", "!!", ":", ";", "|", "#", "\\", " ", "$");

    private final Random random;

    HostileValues(long seed) {
        this.random = new Random(seed);
    }

    /** Up to {@code maxPieces} pieces; a quarter start with an Exec prefix or a separator. */
    String next(int maxPieces) {
        StringBuilder s = new StringBuilder();
        if (random.nextInt(4) == 0) {
            s.append(LEADING.get(random.nextInt(LEADING.size())));
        }
        int n = random.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            s.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return s.toString();
    }

    /** Values the plain-field rules accept (Description=), and separately the ones they refuse. */
    List<String> plainValues(int count, List<String> refused) {
        List<String> accepted = new ArrayList<>();
        while (accepted.size() < count) {
            String v = next(6);
            (ValueRules.plain(v).isEmpty() ? accepted : refused).add(v);
        }
        return accepted;
    }

    /** Exec arguments: nearly anything (only NUL, unpaired surrogates and over-long values are refused). */
    String argument() {
        return next(5);
    }

    /** A program path the rules accept: absolute, no whitespace, quotes, backslashes or '$'. */
    String program() {
        while (true) {
            String p = "/" + next(4).replace("/", "");
            if (ValueRules.execProgram(p).isEmpty()) {
                return p;
            }
        }
    }

    boolean coin() {
        return random.nextBoolean();
    }

    int upTo(int n) {
        return random.nextInt(n + 1);
    }
}
