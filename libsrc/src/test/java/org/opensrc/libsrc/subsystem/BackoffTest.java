package org.opensrc.libsrc.subsystem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.time.Duration;

class BackoffTest {

    @Test
    void delaysDoubleFrom50msUpTo2sAndResetAfterSuccess() {
        var backoff = new Backoff(SrcConnection.FIRST_RETRY, SrcConnection.MAX_RETRY);
        long[] expected = {50, 100, 200, 400, 800, 1600, 2000, 2000};
        for (long ms : expected) {
            assertEquals(Duration.ofMillis(ms), backoff.next());
        }
        backoff.reset();
        assertEquals(Duration.ofMillis(50), backoff.next());
    }
}
