package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class RespawnPolicyTest {

    private final AixRespawnLimit aix = new AixRespawnLimit(20_000);

    @Test
    void aixRestartsTwiceWithinTheWindowThenGivesUp() {
        var first = aix.onAbnormalDeath(DeathHistory.NONE, 0, 1_000);
        assertEquals(new RespawnPolicy.RestartAt(1_000), first.verdict());
        var second = aix.onAbnormalDeath(first.history(), 0, 2_000);
        assertEquals(new RespawnPolicy.RestartAt(2_000), second.verdict());
        var third = aix.onAbnormalDeath(second.history(), 0, 3_000);
        assertInstanceOf(RespawnPolicy.GiveUp.class, third.verdict());
    }

    @Test
    void aixSeriesResetsWhenTheFirstDeathIsOlderThanTheWindow() {
        var history = new DeathHistory(2, 1_000, 0);
        var decision = aix.onAbnormalDeath(history, 0, 21_001);
        assertEquals(new RespawnPolicy.RestartAt(21_001), decision.verdict());
        assertEquals(new DeathHistory(1, 21_001, 0), decision.history());
    }

    @Test
    void aixDeathExactlyAtTheWindowEdgeStillCounts() {
        var history = new DeathHistory(2, 1_000, 0);
        assertInstanceOf(RespawnPolicy.GiveUp.class, aix.onAbnormalDeath(history, 0, 21_000).verdict());
    }

    @Test
    void backoffDelaysDoubleAndAreCapped() {
        var backoff = new ExponentialBackoff(100, 250);
        var d1 = backoff.onAbnormalDeath(DeathHistory.NONE, 0, 0);
        var d2 = backoff.onAbnormalDeath(d1.history(), 0, 0);
        var d3 = backoff.onAbnormalDeath(d2.history(), 0, 0);
        assertEquals(new RespawnPolicy.RestartAt(100), d1.verdict());
        assertEquals(new RespawnPolicy.RestartAt(200), d2.verdict());
        assertEquals(new RespawnPolicy.RestartAt(250), d3.verdict());
    }

    @Test
    void backoffResetsAfterAHealthyRunOfAtLeastTenSeconds() {
        var backoff = new ExponentialBackoff(100, 250);
        var history = new DeathHistory(5, 0, 250);
        assertEquals(new RespawnPolicy.RestartAt(50_250), backoff.onAbnormalDeath(history, 40_000, 50_000).verdict());
        assertEquals(new RespawnPolicy.RestartAt(50_100), backoff.onAbnormalDeath(history, 39_999, 50_000).verdict());
    }

    @Test
    void definitionChoosesThePolicy() {
        assertEquals(new AixRespawnLimit(20_000), RespawnPolicy.of(Defs.of("a").def()));
        assertEquals(new AixRespawnLimit(1_000), RespawnPolicy.of(Defs.of("a").waittime(0).def()));
        assertEquals(new ExponentialBackoff(10, 20), RespawnPolicy.of(Defs.of("a").backoff(10, 20).def()));
    }
}
