package dev.berth.preload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PreloadedTest {
    @Test
    void buildsOnceWhetherStartedOrNot() {
        AtomicInteger builds = new AtomicInteger();
        Preloaded<Object> started = new Preloaded<>("test", () -> {
            builds.incrementAndGet();
            return new Object();
        });
        started.start();
        started.start();
        Object value = started.get();
        assertSame(value, started.get());
        Preloaded<Object> lazy = new Preloaded<>("test", () -> {
            builds.incrementAndGet();
            return new Object();
        });
        assertSame(lazy.get(), lazy.get());
        assertEquals(2, builds.get());
    }

    @Test
    void aFailedBuildIsThrownWhereTheValueIsAskedFor() {
        Preloaded<Object> failing = new Preloaded<>("test", () -> {
            throw new IllegalStateException("broken build");
        });
        failing.start();
        assertEquals("broken build", assertThrows(IllegalStateException.class, failing::get).getMessage());
        assertEquals("broken build", assertThrows(IllegalStateException.class, failing::get).getMessage());
    }
}
