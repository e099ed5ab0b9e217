package org.opensrc.inetd.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensrc.inetd.config.ServiceEntry.Limits;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

class ServiceLimiterTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final InetAddress A = InetAddress.ofLiteral("10.0.0.1");
    static final InetAddress B = InetAddress.ofLiteral("10.0.0.2");

    @Test
    void spawnRateOverTheLimitBacksOffTemporarilyAndDoublesOnRepeat() {
        ServiceLimiter l = new ServiceLimiter(new Limits(3, 0, 0));
        for (int i = 0; i < 3; i++) {
            assertEquals(new Verdict.Admit(), l.admit(A, T0.plusMillis(i)));
        }
        assertEquals(new Verdict.BackOff(3, Duration.ofSeconds(10)), l.admit(A, T0.plusMillis(3)));
        Instant resumed = T0.plusSeconds(11);
        for (int i = 0; i < 3; i++) {
            assertEquals(new Verdict.Admit(), l.admit(A, resumed.plusMillis(i)));
        }
        assertEquals(new Verdict.BackOff(3, Duration.ofSeconds(20)), l.admit(A, resumed.plusMillis(3)));
    }

    @Test
    void backOffLevelResetsAfterAQuietSpell() {
        ServiceLimiter l = new ServiceLimiter(new Limits(1, 0, 0));
        l.admit(A, T0);
        assertEquals(new Verdict.BackOff(1, Duration.ofSeconds(10)), l.admit(A, T0));
        Instant later = T0.plus(Duration.ofMinutes(5));
        l.admit(A, later);
        assertEquals(new Verdict.BackOff(1, Duration.ofSeconds(10)), l.admit(A, later));
    }

    @Test
    void backOffNeverExceedsTenMinutes() {
        ServiceLimiter l = new ServiceLimiter(new Limits(1, 0, 0));
        Instant t = T0;
        Duration last = Duration.ZERO;
        for (int i = 0; i < 12; i++) {
            l.admit(A, t);
            Verdict v = l.admit(A, t);
            last = ((Verdict.BackOff) v).pause();
            t = t.plus(last).plusSeconds(1);
        }
        assertEquals(ServiceLimiter.MAX_PAUSE, last);
    }

    @Test
    void zeroMeansUnlimited() {
        ServiceLimiter l = new ServiceLimiter(new Limits(0, 0, 0));
        for (int i = 0; i < 10_000; i++) {
            assertEquals(new Verdict.Admit(), l.admit(A, T0));
        }
        assertTrue(l.hasRoom(1_000_000));
    }

    @Test
    void perSourceRateRefusesOnlyThatSourceUntilTheMinutePasses() {
        ServiceLimiter l = new ServiceLimiter(new Limits(0, 0, 2));
        assertEquals(new Verdict.Admit(), l.admit(A, T0));
        assertEquals(new Verdict.Admit(), l.admit(A, T0.plusSeconds(1)));
        assertEquals(new Verdict.TooManyFromSource(2), l.admit(A, T0.plusSeconds(2)));
        assertEquals(new Verdict.Admit(), l.admit(B, T0.plusSeconds(2)));
        assertEquals(new Verdict.Admit(), l.admit(A, T0.plusSeconds(61)));
    }

    @Test
    void maxChildAndGlobalBudget() {
        ServiceLimiter l = new ServiceLimiter(new Limits(0, 2, 0));
        assertTrue(l.hasRoom(1));
        assertFalse(l.hasRoom(2));
        assertTrue(new ChildBudget(0).hasRoom(Integer.MAX_VALUE - 1));
        assertTrue(new ChildBudget(3).hasRoom(2));
        assertFalse(new ChildBudget(3).hasRoom(3));
    }
}
