package dev.berth.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Time spans as systemd.time(7) adds them up, in milliseconds. */
class TimeSpanTest {
    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"90, 90000", "90s, 90000", "1min 30s, 90000", "1min30s, 90000", "1 min 30 s, 90000", "2h, 7200000",
            "500ms, 500", "1.5s, 1500", "1500us, 1", "1w, 604800000", "1month, 2629800000", "1y, 31557600000",
            "2 hours 1 minute, 7260000", "30sec, 30000"})
    void addsThePartsUp(String span, long millis) {
        assertEquals(millis, TimeSpan.millis(span));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1 minuet", "s", "infinity", "-5s", "5 30s"})
    void refusesWhatIsNoTimeSpan(String span) {
        assertThrows(IllegalArgumentException.class, () -> TimeSpan.millis(span));
    }
}
