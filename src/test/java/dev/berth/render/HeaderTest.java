package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** A header comment names the source and config path on one line, whatever they hold. */
class HeaderTest {
    @Test
    void aPlainTextStaysAsItIs() {
        String text = "/containers/web/services/sshd (\u00e9\uD83D\uDE00)";
        assertSame(text, Header.clean(text));
    }

    @Test
    void controlCharactersAndLineSeparatorsBecomeQuestionMarks() {
        assertEquals("a?b?c?d?e\uD83D\uDE00", Header.clean("a\nb\u0085c\u2028d\u2029e\uD83D\uDE00"));
        assertEquals("tab?", Header.clean("tab\t"));
    }

    @Test
    void aTrailingBackslashDoesNotContinueTheComment() {
        assertEquals("dir\\ ", Header.clean("dir\\"));
        assertEquals("a?\\ ", Header.clean("a\r\\"));
    }
}
