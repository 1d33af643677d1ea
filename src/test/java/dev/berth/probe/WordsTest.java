package dev.berth.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void whatCameIsShownPrintableAndShort() {
        assertEquals("SSH-2.0-OpenSSH", Words.shown("SSH-2.0-OpenSSH"));
        assertEquals("\\x1b[31mred\\x00", Words.shown("\u001b[31mred\u0000"), "a terminal never acts on it");
        assertEquals("abc\\u{202e}def", Words.shown("abc\u202edef"), "nor turns it around");
        assertEquals("ünïcödé ✓", Words.shown("ünïcödé ✓"));
        assertEquals("a".repeat(Words.SHOWN), Words.shown("a".repeat(Words.SHOWN)), "exactly as long as shown: whole");
        assertEquals("a".repeat(Words.SHOWN - 3) + "...", Words.shown("a".repeat(Words.SHOWN + 1)));
        assertEquals("a".repeat(Words.SHOWN - 4) + "...", Words.shown("a".repeat(Words.SHOWN - 4) + "\u0001".repeat(3)),
                "an escape is never cut in half");
    }

    @Test
    void durationsAreSaidAsPeopleSayThem() {
        assertEquals("30 s", Words.duration(30_000));
        assertEquals("1.5 s", Words.duration(1500));
        assertEquals("250 ms", Words.duration(250));
        assertEquals("0 ms", Words.duration(0));
    }
}
