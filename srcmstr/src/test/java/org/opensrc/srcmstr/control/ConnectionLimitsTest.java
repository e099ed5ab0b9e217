package org.opensrc.srcmstr.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

class ConnectionLimitsTest {

    private static final SocketLimits LIMITS = new SocketLimits(2, 3, Duration.ofSeconds(1), Duration.ofSeconds(1));

    @Test
    void aUidIsRefusedOverItsCapAndAdmittedAgainWhenOneCloses() {
        var limits = new ConnectionLimits(LIMITS, Set.of(0));
        assertTrue(limits.admit(65534).isEmpty());
        assertTrue(limits.admit(65534).isEmpty());
        assertTrue(limits.admit(65534).orElseThrow().contains("connections.per.uid"));
        limits.release(65534);
        assertTrue(limits.admit(65534).isEmpty());
        assertEquals(2, limits.open(65534));
    }

    @Test
    void theTotalCapCountsEveryNonExemptUid() {
        var limits = new ConnectionLimits(LIMITS, Set.of(0));
        assertTrue(limits.admit(1000).isEmpty());
        assertTrue(limits.admit(1000).isEmpty());
        assertTrue(limits.admit(1001).isEmpty());
        assertTrue(limits.admit(1002).orElseThrow().contains("connections.max"));
    }

    @Test
    void exemptUidsAreNeverRefusedNorCounted() {
        var limits = new ConnectionLimits(LIMITS, Set.of(0, 42));
        for (int i = 0; i < 3; i++) {
            assertTrue(limits.admit(1000 + i).isEmpty());
        }
        for (int i = 0; i < 100; i++) {
            assertTrue(limits.admit(0).isEmpty());
            assertTrue(limits.admit(42).isEmpty());
        }
        assertEquals(0, limits.open(0));
        limits.release(0);
    }

    @Test
    void releasingWhatWasNotAdmittedIsAProgrammingError() {
        var limits = new ConnectionLimits(LIMITS, Set.of(0));
        assertThrows(IllegalStateException.class, () -> limits.release(7));
    }

    @Test
    void capsFitInHalfTheDescriptorLimit() {
        SocketLimits fitted = SocketLimits.DEFAULTS.fittedTo(256);
        assertEquals(128, fitted.total());
        assertEquals(64, fitted.perUid());
        assertEquals(SocketLimits.DEFAULTS, SocketLimits.DEFAULTS.fittedTo(1_048_576));
        assertEquals(1, SocketLimits.DEFAULTS.fittedTo(1).total());
    }
}
