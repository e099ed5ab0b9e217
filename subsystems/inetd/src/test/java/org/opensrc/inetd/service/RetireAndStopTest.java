package org.opensrc.inetd.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.opensrc.inetd.service.MachineRig.FD;
import static org.opensrc.inetd.service.MachineRig.PEER;

import org.junit.jupiter.api.Test;
import org.opensrc.inetd.config.ServiceEntry.Limits;
import org.opensrc.inetd.spawn.Launch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code stopsrc -t} (a reload that drops the service), {@code stopsrc -f -t}, and inetd stopping: the socket closes
 * for good, running servers are left alone unless the stop is forced.
 */
class RetireAndStopTest {
    final MachineRig rig = MachineRig.listening(MachineRig.external(false, new Limits(1, 0, 0)));

    @Test
    void aRetiredServiceClosesItsSocketForGoodAndShowsAsStopping() {
        assertEquals(
                List.of(
                        new Effect.CancelTimer(ServiceTimer.RESUME),
                        new Effect.CancelTimer(ServiceTimer.BIND_RETRY),
                        new Effect.CloseSocket(FD)),
                rig.feed(new Event.Retire()));
        assertEquals(new ServiceState.Closed(), rig.machine.state());
        assertEquals(OptionalInt.empty(), rig.machine.socket());
        assertFalse(rig.machine.accepting(true));
        assertEquals("stopping", rig.machine.stateWord(false));
    }

    @Test
    void retiringTwiceDoesNothingMore() {
        rig.feed(new Event.Retire());
        assertEquals(List.of(), rig.feed(new Event.Retire()));
    }

    @Test
    void runningServersOutliveTheRetireAndTheirExitsAreStillCounted() {
        rig.feed(new Event.Connected(11, PEER, true));
        rig.feed(new Event.Retire());
        rig.feed(new Event.Spawned(new Launch.Started(100), PEER));
        assertEquals(1, rig.machine.running());
        rig.feed(new Event.ChildExited(100, "signal 15", Duration.ofSeconds(3), Optional.of(PEER)));
        assertEquals(new ServiceMachine.Counters(1, 0, 0, 0, Optional.of("signal 15")), rig.machine.counters());
    }

    @Test
    void retiringDuringABackOffCallsOffTheResume() {
        rig.feed(new Event.Connected(11, PEER, true));
        rig.feed(new Event.Connected(12, PEER, true));
        rig.feed(new Event.Retire());
        assertFalse(rig.armed(ServiceTimer.RESUME));
        assertEquals(0, rig.clock.pending());
        rig.advance(Duration.ofMinutes(10));
        assertEquals(new ServiceState.Closed(), rig.machine.state());
    }

    @Test
    void retiringWhileTheBindIsRetriedCallsOffTheRetry() {
        MachineRig unbound = new MachineRig(MachineRig.external(false, Limits.DEFAULT));
        unbound.feed(new Event.BindFailed("Address in use"));
        assertEquals(
                List.of(new Effect.CancelTimer(ServiceTimer.RESUME), new Effect.CancelTimer(ServiceTimer.BIND_RETRY)),
                unbound.feed(new Event.Retire()));
        assertEquals(0, unbound.clock.pending());
    }

    @Test
    void aForcedStopKillsAServerThatFinishesSpawningAfterIt() {
        rig.feed(new Event.Connected(11, PEER, true));
        assertEquals(List.of(), rig.feed(new Event.ForcedStop()));
        assertEquals(
                List.of(
                        new Effect.Track(100, Optional.of(PEER)),
                        new Effect.Trace("START ftp/tcp from " + PEER + " pid=100"),
                        new Effect.Kill(100)),
                rig.feed(new Event.Spawned(new Launch.Started(100), PEER)));
    }

    @Test
    void withoutAForcedStopALateServerIsLeftRunning() {
        rig.feed(new Event.Connected(11, PEER, true));
        List<Effect> effects = rig.feed(new Event.Spawned(new Launch.Started(100), PEER));
        assertFalse(effects.contains(new Effect.Kill(100)), effects.toString());
    }

    @Test
    void aWaitServersSocketIsClosedOnRetireAndNotTakenBackWhenTheServerExits() {
        MachineRig wait = MachineRig.listening(MachineRig.external(true, Limits.DEFAULT));
        wait.feed(new Event.WaitRequest());
        wait.feed(new Event.WaitServerLaunched(new Launch.Started(200)));
        List<Effect> retire = wait.feed(new Event.Retire());
        assertEquals(new Effect.CloseSocket(FD), retire.getLast());
        List<Effect> exit = wait.feed(new Event.ChildExited(200, "exit 0", Duration.ZERO, Optional.empty()));
        assertFalse(exit.stream().anyMatch(e -> e instanceof Effect.ReclaimSocket), exit.toString());
        assertEquals(new ServiceState.Closed(), wait.machine.state());
    }
}
