package dev.berth.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DotGraphTest {
    @Test
    void quotesWhatUsersWrite() {
        assertEquals("\"a \\\"b\\\" c\\\\d\\nnext tab\"", DotGraph.quote("a \"b\" c\\d\nnext\ttab"));
    }
}
