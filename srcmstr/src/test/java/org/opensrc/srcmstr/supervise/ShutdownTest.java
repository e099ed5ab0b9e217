package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;

class ShutdownTest {

    private final Harness h = new Harness();

    @Test
    void shutdownTermsEverythingThenKillsWhatRemainsAfterTheLongestWaittime() {
        h.start(Defs.of("a").waittime(5).def(), 100);
        h.start(Defs.of("b").waittime(30).def(), 200);
        h.start(Defs.of("c").def(), 300);
        h.apply(new Event.Shutdown());
        assertEquals(
                List.of(
                        new Effect.Signal(100, "SIGTERM"),
                        new Effect.Signal(200, "SIGTERM"),
                        new Effect.Signal(300, "SIGTERM")),
                h.of(Effect.Signal.class));
        assertEquals(
                List.of(new Effect.ArmTimer(new TimerId.ShutdownTimer(), h.now + 30_000)), h.of(Effect.ArmTimer.class));
        h.advance(1_000);
        h.die(100, "signal SIGTERM");
        assertTrue(h.of(Effect.Spawn.class).isEmpty(), "no respawn during shutdown");
        assertTrue(h.of(Effect.ShutdownComplete.class).isEmpty());
        h.advance(29_000);
        h.apply(new Event.TimerFired(new TimerId.ShutdownTimer()));
        assertEquals(List.of(200L, 300L), h.of(Effect.KillTree.class).stream().map(Effect.KillTree::pid).toList());
        assertEquals(new Effect.ShutdownComplete(), h.effects.getLast());
        assertTrue(h.state.instances().isEmpty());
    }

    @Test
    void shutdownWithNothingRunningCompletesAtOnce() {
        h.apply(new Event.Shutdown());
        assertEquals(List.of(new Effect.ShutdownComplete()), h.of(Effect.ShutdownComplete.class));
    }

    @Test
    void shutdownCompletesAsSoonAsEverythingEnded() {
        h.start(Defs.of("a").def(), 100);
        h.apply(new Event.Shutdown());
        h.die(100, "exit 0");
        assertTrue(h.effects.contains(new Effect.CancelTimer(new TimerId.ShutdownTimer())));
        assertEquals(1, h.of(Effect.ShutdownComplete.class).size());
        h.apply(new Event.TimerFired(new TimerId.ShutdownTimer()));
        assertTrue(h.of(Effect.ShutdownComplete.class).isEmpty(), "a stale timer completes nothing twice");
    }

    @Test
    void shutdownWaitsForASpawnInFlightAndStopsWhatItGives() {
        SubsystemDef def = Defs.of("late").waittime(5).def();
        h.ask(new Command.Start(def, List.of(), List.of()));
        Effect.Spawn spawn = h.onlySpawn();
        h.apply(new Event.Shutdown());
        assertTrue(h.of(Effect.ShutdownComplete.class).isEmpty(), "a spawn is in flight");
        h.apply(new Event.SpawnSucceeded(spawn.instance(), 100));
        assertEquals(List.of(new Effect.Signal(100, "SIGTERM")), h.of(Effect.Signal.class));
        assertTrue(h.of(Effect.ShutdownComplete.class).isEmpty());
        h.die(100, "signal SIGTERM");
        assertEquals(1, h.of(Effect.ShutdownComplete.class).size());
    }

    @Test
    void shutdownCompletesWhenTheLastSpawnInFlightFails() {
        h.start(Defs.of("a").def(), 100);
        h.ask(new Command.Start(Defs.of("b").def(), List.of(), List.of()));
        Effect.Spawn spawn = h.onlySpawn();
        h.apply(new Event.Shutdown());
        h.die(100, "signal SIGTERM");
        assertTrue(h.of(Effect.ShutdownComplete.class).isEmpty(), "b is still being spawned");
        h.apply(new Event.SpawnFailed(spawn.instance(), SpawnStage.EXEC, "no such file"));
        assertEquals(1, h.of(Effect.ShutdownComplete.class).size());
    }

    @Test
    void shutdownCancelsPendingRetries() {
        h.start(Defs.of("flaky").backoff(1_000, 5_000).def(), 100);
        h.die(100, "exit 1");
        TimerId retry = h.of(Effect.ArmTimer.class).getFirst().timer();
        h.apply(new Event.Shutdown());
        assertTrue(h.effects.contains(new Effect.CancelTimer(retry)));
        assertTrue(h.state.retries().isEmpty());
    }
}
