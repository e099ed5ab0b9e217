package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.registry.SubsystemDef.Contact;

import java.util.List;

class StopTest {

    private final Harness h = new Harness();

    @Test
    void normalStopOfSignalSubsystemSendsSignormAndNeverEscalates() {
        SubsystemDef def = Defs.of("snmpd").def();
        h.start(def, 100);
        h.stop("snmpd", StopType.NORMAL);
        assertEquals(List.of(new Effect.Signal(100, "SIGUSR1")), h.of(Effect.Signal.class));
        assertTrue(h.of(Effect.ArmTimer.class).isEmpty());
        assertEquals(StatusWord.STOPPING, h.status(def).status());
        h.die(100, "exit 0");
        assertEquals(StatusWord.INOPERATIVE, h.status(def).status());
        assertTrue(h.of(Effect.RunNotify.class).isEmpty(), "a requested stop runs no notify");
        assertTrue(h.of(Effect.Spawn.class).isEmpty(), "a requested stop is not respawned");
    }

    @Test
    void aStopAskedWhileTheSubsystemIsBeingSpawnedBeginsWhenItsProcessArrives() {
        SubsystemDef def = Defs.of("snmpd").def();
        h.ask(new Command.Start(def, List.of(), List.of()));
        Effect.Spawn spawn = h.onlySpawn();
        assertEquals(List.of(org.opensrc.proto.v1.SrcCode.SRC_CODE_STPOK), h.stop("snmpd", StopType.FORCED));
        assertTrue(h.of(Effect.Signal.class).isEmpty(), "no process to signal yet");
        h.apply(new Event.SpawnSucceeded(spawn.instance(), 100));
        assertEquals(List.of(new Effect.Signal(100, "SIGUSR2")), h.of(Effect.Signal.class));
        assertEquals(StatusWord.STOPPING, h.status(def).status());
        h.die(100, "exit 0");
        assertTrue(h.of(Effect.Spawn.class).isEmpty(), "a requested stop is not respawned");
    }

    @Test
    void aRestartWhoseSpawnFailsAfterAStopWasAskedIsNotRespawned() {
        SubsystemDef def = Defs.of("snmpd").def();
        h.start(def, 100);
        h.die(100, "exit 1");
        Effect.Spawn restart = h.onlySpawn();
        h.stop("snmpd", StopType.NORMAL);
        h.apply(new Event.SpawnFailed(restart.instance(), SpawnStage.EXEC, "gone"));
        assertTrue(h.of(Effect.Spawn.class).isEmpty(), "stopped: no further restart");
        assertTrue(h.state.spawning().isEmpty());
    }

    @Test
    void forcedStopOfSignalSubsystemSendsSigforce() {
        h.start(Defs.of("snmpd").def(), 100);
        h.stop("snmpd", StopType.FORCED);
        assertEquals(List.of(new Effect.Signal(100, "SIGUSR2")), h.of(Effect.Signal.class));
    }

    @Test
    void cancelStopKillsTheWholeTreeAfterWaittime() {
        SubsystemDef def = Defs.of("inetd").waittime(5).def();
        h.start(def, 100);
        h.stop("inetd", StopType.CANCEL);
        assertEquals(List.of(new Effect.Signal(100, "SIGTERM")), h.of(Effect.Signal.class));
        TimerId timer = h.of(Effect.ArmTimer.class).getFirst().timer();
        assertEquals(h.now + 5_000, h.of(Effect.ArmTimer.class).getFirst().atMillis());
        assertEquals(StatusWord.WARNED_TO_STOP, h.status(def).status());
        h.advance(5_000);
        h.apply(new Event.TimerFired(timer));
        Effect.KillTree kill = h.of(Effect.KillTree.class).getFirst();
        assertEquals(100, kill.pid());
        assertEquals(100, kill.sessionId());
        assertEquals(StatusWord.INOPERATIVE, h.status(def).status());
        assertTrue(h.of(Effect.RunNotify.class).isEmpty());
    }

    @Test
    void waittimeZeroIsTreatedAsOneSecond() {
        h.start(Defs.of("inetd").waittime(0).def(), 100);
        h.stop("inetd", StopType.CANCEL);
        assertEquals(h.now + 1_000, h.of(Effect.ArmTimer.class).getFirst().atMillis());
    }

    @Test
    void cancelledProcessThatEndsInTimeCancelsTheKillTimer() {
        h.start(Defs.of("inetd").def(), 100);
        h.stop("inetd", StopType.CANCEL);
        TimerId timer = h.of(Effect.ArmTimer.class).getFirst().timer();
        h.die(100, "signal SIGTERM");
        assertEquals(List.of(new Effect.CancelTimer(timer)), h.of(Effect.CancelTimer.class));
        h.apply(new Event.TimerFired(timer));
        assertTrue(h.of(Effect.KillTree.class).isEmpty(), "a stale kill timer does nothing");
    }

    @Test
    void cancelFollowsSurvivorsSoTheTimerStillKillsThem() {
        h.start(Defs.of("inetd").def(), 100);
        h.stop("inetd", StopType.CANCEL);
        TimerId timer = h.of(Effect.ArmTimer.class).getFirst().timer();
        h.apply(new Event.Exited(100, "signal SIGTERM", List.of(130L)));
        assertEquals(List.of(new Effect.Watch(130)), h.of(Effect.Watch.class));
        h.advance(20_000);
        h.apply(new Event.TimerFired(timer));
        assertEquals(
                List.of(new Effect.KillTree(h.of(Effect.KillTree.class).getFirst().instance(), 130, 100)),
                h.of(Effect.KillTree.class));
    }

    @Test
    void killEscalationKillsTheTreeAfterWaittimeOfANormalStop() {
        SubsystemDef def = Defs.of("named").killEscalation().def();
        h.start(def, 100);
        h.stop("named", StopType.NORMAL);
        Effect.ArmTimer arm = h.of(Effect.ArmTimer.class).getFirst();
        assertEquals(h.now + 20_000, arm.atMillis());
        h.advance(20_000);
        h.apply(new Event.TimerFired(arm.timer()));
        assertEquals(1, h.of(Effect.KillTree.class).size());
        assertEquals(StatusWord.INOPERATIVE, h.status(def).status());
    }

    @Test
    void socketSubsystemNotAttachedFallsBackToSigtermAndSigkill() {
        h.start(Defs.of("inetd").contact(Contact.SOCKET).def(), 100);
        h.stop("inetd", StopType.NORMAL);
        assertEquals(List.of(new Effect.Signal(100, "SIGTERM")), h.of(Effect.Signal.class));
        Harness forced = new Harness();
        forced.start(Defs.of("inetd").contact(Contact.IPC).def(), 100);
        forced.stop("inetd", StopType.FORCED);
        assertEquals(List.of(new Effect.Signal(100, "SIGKILL")), forced.of(Effect.Signal.class));
    }

    @Test
    void socketSubsystemAttachedGetsAStopRequest() {
        h.start(Defs.of("inetd").contact(Contact.SOCKET).def(), 100);
        h.apply(new Event.Attached(100));
        h.stop("inetd", StopType.FORCED);
        assertEquals(List.of(new Effect.SendStopRequest(100, true)), h.of(Effect.SendStopRequest.class));
        assertTrue(h.of(Effect.Signal.class).isEmpty());
    }

    @Test
    void socketSubsystemThatDetachedGetsSignalsAgain() {
        h.start(Defs.of("inetd").contact(Contact.SOCKET).def(), 100);
        h.apply(new Event.Attached(100));
        h.apply(new Event.Detached(100));
        h.stop("inetd", StopType.NORMAL);
        assertEquals(List.of(new Effect.Signal(100, "SIGTERM")), h.of(Effect.Signal.class));
    }

    @Test
    void cancelOfAnAttachedSocketSubsystemIsStillSigterm() {
        h.start(Defs.of("inetd").contact(Contact.SOCKET).def(), 100);
        h.apply(new Event.Attached(100));
        h.stop("inetd", StopType.CANCEL);
        assertEquals(List.of(new Effect.Signal(100, "SIGTERM")), h.of(Effect.Signal.class));
    }
}
