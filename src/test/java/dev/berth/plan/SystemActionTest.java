package dev.berth.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A call on many units is one step, labelled by its first units and their number; the command keeps them all. */
class SystemActionTest {
    @Test
    void aCallOnAFewUnitsIsLabelledWholeAndOnManyByItsFirstTwo() {
        assertEquals("systemctl start a.socket b.socket c.socket d.socket", SystemAction.systemctl(SystemAction.Phase.AFTER_FILES,
                "new socket", "start", "a.socket", "b.socket", "c.socket", "d.socket").label());
        List<String> args = new ArrayList<>(List.of("stop"));
        for (int i = 0; i < 1000; i++) {
            args.add(String.format("c%03d.socket", i));
        }
        SystemAction many = SystemAction.systemctl(SystemAction.Phase.BEFORE_FILES, "left the config", args.toArray(String[]::new));
        assertEquals("systemctl stop c000.socket c001.socket … (1000 units)", many.label());
        assertEquals(1001, many.systemctlArgs().size());
        assertEquals("systemctl daemon-reload", SystemAction.systemctl(SystemAction.Phase.AFTER_FILES, "", "daemon-reload").label());
    }
}
