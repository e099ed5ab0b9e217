package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.ArrayList;
import java.util.List;

class BackoffTest {

    private final Harness h = new Harness();
    private final SubsystemDef def = Defs.of("flaky").backoff(1_000, 5_000).def();

    /** Dies, waits for the retry timer, spawns again; returns the delay that was armed. */
    private long dieAndRetry(long pid, long newPid) {
        h.die(pid, "exit 1");
        Effect.ArmTimer arm = h.of(Effect.ArmTimer.class).getFirst();
        long delay = arm.atMillis() - h.now;
        h.advance(delay);
        h.apply(new Event.TimerFired(arm.timer()));
        h.spawnSucceeds(newPid);
        return delay;
    }

    @Test
    void backoffDoublesUpToTheCapAndNeverGivesUp() {
        h.start(def, 100);
        List<Long> delays = new ArrayList<>();
        for (long pid = 100; pid < 106; pid++) {
            delays.add(dieAndRetry(pid, pid + 1));
        }
        assertEquals(List.of(1_000L, 2_000L, 4_000L, 5_000L, 5_000L, 5_000L), delays);
        assertEquals(6, h.status(def).restarts());
    }

    @Test
    void subsystemIsInoperativeWithNextRetryVisibleWhileWaiting() {
        h.start(def, 100);
        h.die(100, "exit 1");
        assertEquals(List.of(SrcCode.SRC_CODE_RSTRT), h.logged());
        assertTrue(h.of(Effect.Spawn.class).isEmpty());
        InstanceView view = h.status(def);
        assertEquals(StatusWord.INOPERATIVE, view.status());
        assertEquals(h.now + 1_000, view.nextRetry().orElseThrow());
    }

    @Test
    void stopCancelsAPendingRetry() {
        h.start(def, 100);
        h.die(100, "exit 1");
        TimerId timer = h.of(Effect.ArmTimer.class).getFirst().timer();
        assertEquals(List.of(SrcCode.SRC_CODE_SVND), h.stop("flaky", StopType.NORMAL));
        assertEquals(List.of(new Effect.CancelTimer(timer)), h.of(Effect.CancelTimer.class));
        assertEquals(Want.DOWN, h.state.subsystem("flaky").want());
        h.advance(1_000);
        h.apply(new Event.TimerFired(timer));
        assertTrue(h.of(Effect.Spawn.class).isEmpty());
        assertTrue(h.status(def).nextRetry().isEmpty());
    }

    @Test
    void backoffResetsAfterARunLongerThanTheCap() {
        h.start(def, 100);
        dieAndRetry(100, 101);
        dieAndRetry(101, 102);
        h.advance(10_001);
        assertEquals(1_000, dieAndRetry(102, 103));
    }

    @Test
    void manualStartDuringBackoffStartsAtOnce() {
        h.start(def, 100);
        h.die(100, "exit 1");
        TimerId timer = h.of(Effect.ArmTimer.class).getFirst().timer();
        assertEquals(List.of(SrcCode.SRC_CODE_STRTOK), h.start(def, 200));
        assertEquals(StatusWord.ACTIVE, h.status(def).status());
        h.apply(new Event.TimerFired(timer));
        assertTrue(h.of(Effect.Spawn.class).isEmpty(), "the cancelled retry does not start a second one");
    }

    @Test
    void stoppingOneOfSeveralInstancesByPidKeepsTheOthersRetrying() {
        SubsystemDef multi = Defs.of("worker").multiple().backoff(1_000, 5_000).def();
        h.start(multi, 100);
        h.start(multi, 200);
        h.ask(new Command.Stop(new StopTarget.ByPid(100), StopType.NORMAL));
        assertEquals(Want.UP, h.state.subsystem("worker").want());
        h.die(200, "exit 1");
        Effect.ArmTimer arm = h.of(Effect.ArmTimer.class).getFirst();
        h.advance(1_000);
        h.apply(new Event.TimerFired(arm.timer()));
        assertEquals(1, h.of(Effect.Spawn.class).size());
    }
}
