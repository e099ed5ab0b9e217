package org.opensrc.srcmstr.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

class RefusalLogTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final List<String> lines = new ArrayList<>();
    private final RefusalLog log =
            new RefusalLog(
                    new InstantSource() {
                        @Override
                        public Instant instant() {
                            return now;
                        }
                    },
                    Duration.ofMinutes(1),
                    lines::add);

    @Test
    void aFloodOfRefusalsOfOneUidIsOneLinePerInterval() {
        for (int i = 0; i < 1000; i++) {
            log.refused(65534, "refused #" + i);
        }
        assertEquals(1, lines.size());
        assertTrue(lines.getFirst().startsWith("refused #0;"), lines.getFirst());
    }

    @Test
    void theNextLineAfterTheIntervalCountsWhatWasNotLogged() {
        log.refused(65534, "first");
        log.refused(65534, "second");
        log.refused(65534, "third");
        now = now.plusSeconds(60);
        log.refused(65534, "fourth");
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("fourth (and 2 more refusal(s) of uid 65534"), lines.get(1));
    }

    @Test
    void eachUidHasItsOwnInterval() {
        log.refused(65534, "nobody");
        log.refused(1000, "user");
        log.refused(65534, "nobody again");
        assertEquals(2, lines.size());
    }
}
