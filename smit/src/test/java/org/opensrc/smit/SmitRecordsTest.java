package org.opensrc.smit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

class SmitRecordsTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 4, 9, 5, 7, 0, ZoneOffset.UTC);

    @Test
    void scriptRecordsEachCommandAsAShellLineUnderACommentedTimeStamp() {
        assertEquals(
                "#\n# [Mar 04 2026, 09:05:07]\n#\nstartsrc -s inetd -a '-d 2'\n\n",
                SmitRecords.script(NOW, List.of("startsrc", "-s", "inetd", "-a", "-d 2")));
    }

    @Test
    void logRecordsTheCommandAndItsOutputBetweenStartAndEnd() {
        assertEquals(
                """

                [Mar 04 2026, 09:05:07]
                Command_to_Execute follows below:
                >> stopsrc -s inetd

                Output from Command_to_Execute follows below:
                ---- start ----
                0513-044 The inetd Subsystem was requested to stop.
                ---- end ----
                """,
                SmitRecords.command(
                        NOW,
                        List.of("stopsrc", "-s", "inetd"),
                        new Runner.Output(0, "0513-044 The inetd Subsystem was requested to stop.", "")));
    }

    @Test
    void logRecordsEachPanelVisited() {
        Panel menu = new SrcTree().panel("src").orElseThrow();
        assertEquals(
                """

                (Menu screen selected,
                        FastPath = "src",
                        id = "src",
                        title = "System Resource Controller".)
                """,
                SmitRecords.panel(menu));
    }

    @Test
    void startAndExitAreStamped() {
        assertEquals("\n[Mar 04 2026, 09:05:07]\n    Starting SMIT\n", SmitRecords.started(NOW));
        assertEquals("\n[Mar 04 2026, 09:05:07]\n    Exiting SMIT\n", SmitRecords.exited(NOW));
    }
}
