package org.opensrc.libsrc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Each clock text is what DateTimeFormatter writes for its pattern, character for character. */
class ClockTextTest {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    /** Region zones with their history (half hours, offsets with seconds before 1900), and plain offsets. */
    private static final List<ZoneId> ZONES =
            List.of(
                    ZoneOffset.UTC,
                    ZoneId.of("Europe/Amsterdam"),
                    ZoneId.of("America/St_Johns"),
                    ZoneId.of("Asia/Kathmandu"),
                    ZoneId.of("Pacific/Kiritimati"),
                    ZoneId.of("America/Los_Angeles"),
                    ZoneId.of("Africa/Monrovia"),
                    ZoneOffset.ofTotalSeconds(45),
                    ZoneOffset.ofTotalSeconds(-59),
                    ZoneOffset.ofTotalSeconds(-(30 * 60)),
                    ZoneOffset.ofTotalSeconds(5 * 3600 + 30 * 60 + 15),
                    ZoneOffset.ofTotalSeconds(-(18 * 3600)));

    @Test
    void theIsoTimeOfLogLinesIsWhatItsPatternWritesInEveryZoneAndYear() {
        for (long millis : instants()) {
            for (ZoneId zone : ZONES) {
                String expected = ISO.format(Instant.ofEpochMilli(millis).atZone(zone));
                String actual = ClockText.appendIsoMillis(new StringBuilder(), millis, zone).toString();
                assertEquals(expected, actual, () -> millis + " ms in " + zone);
            }
        }
    }

    @Test
    void theCtimeOfDaytimeIsWhatItsPatternWritesInEveryZoneAndYear() {
        for (long millis : instants()) {
            for (ZoneId zone : ZONES) {
                Instant instant = Instant.ofEpochMilli(millis);
                assertEquals(
                        CTIME.format(instant.atZone(zone)),
                        ClockText.ctime(instant, zone),
                        () -> instant + " in " + zone);
            }
        }
    }

    @Test
    void theIsoTimeAppendsToWhatIsAlreadyWritten() {
        var line = new StringBuilder("at ");
        ClockText.appendIsoMillis(line, 1_796_611_380_123L, ZoneOffset.ofHours(1)).append(" inetd");
        assertEquals("at 2026-12-07T03:43:00.123+01:00 inetd", line.toString());
    }

    /** Today's, each day of a year and each millisecond's digit, years 1 to 9 and beyond 9999, before year 1. */
    private static List<Long> instants() {
        var millis = new ArrayList<Long>();
        millis.add(System.currentTimeMillis());
        millis.add(0L);
        millis.add(-1L);
        for (int day = 0; day < 366; day++) {
            millis.add(
                    LocalDateTime.of(2024, 1, 1, 23, 59, 59).plusDays(day).toInstant(ZoneOffset.UTC).toEpochMilli()
                            + day);
        }
        for (int year : new int[] {-2, 0, 1, 9, 99, 999, 1000, 1900, 9999, 10_000, 123_456}) {
            millis.add(LocalDateTime.of(year, 6, 15, 12, 0, 7, 8_000_000).toInstant(ZoneOffset.UTC).toEpochMilli());
        }
        var random = new Random(17);
        for (int i = 0; i < 2000; i++) {
            millis.add(random.nextLong(-70_000_000_000_000L, 300_000_000_000_000L));
        }
        return millis;
    }
}
