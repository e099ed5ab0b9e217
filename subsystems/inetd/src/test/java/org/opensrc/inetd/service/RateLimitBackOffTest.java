package org.opensrc.inetd.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opensrc.inetd.service.MachineRig.FD;
import static org.opensrc.inetd.service.MachineRig.PEER;

import org.junit.jupiter.api.Test;
import org.opensrc.inetd.config.Protocol;
import org.opensrc.inetd.config.ServiceEntry.Limits;
import org.opensrc.inetd.service.Effect.Level;
import org.opensrc.inetd.spawn.Launch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

class RateLimitBackOffTest {
    final MachineRig rig = MachineRig.listening(MachineRig.external(false, new Limits(2, 0, 0)));

    private void connect(int times) {
        for (int i = 0; i < times; i++) {
            rig.feed(new Event.Connected(20 + i, PEER, true));
        }
    }

    @Test
    void overTheSpawnRateTheConnectionIsClosedAndTheServicePausedForTenSeconds() {
        connect(2);
        Instant until = rig.clock.instant().plusSeconds(10);
        assertEquals(
                List.of(
                        new Effect.CloseConnection(30),
                        new Effect.Log(
                                Level.WARN,
                                "ftp/tcp: more than 2 starts per minute (looping?); " + "pausing the service for 10 s"),
                        new Effect.ArmTimer(ServiceTimer.RESUME, until)),
                rig.feed(new Event.Connected(30, PEER, true)));
        assertEquals(new ServiceState.BackingOff(FD, until), rig.machine.state());
        assertFalse(rig.machine.accepting(true));
        assertEquals("backoff", rig.machine.stateWord(false));
        assertEquals(1, rig.machine.counters().rateLimited());
        assertEquals(2, rig.machine.counters().accepted());
    }

    @Test
    void theServiceResumesByItselfWhenThePauseIsOver() {
        connect(3);
        rig.take();
        rig.advance(Duration.ofSeconds(10).minusMillis(1));
        assertFalse(rig.machine.listening());
        rig.advance(Duration.ofMillis(1));
        assertEquals(new ServiceState.Listening(FD), rig.machine.state());
        assertEquals(List.of(new Effect.Log(Level.INFO, "ftp/tcp: resuming after back-off")), rig.take());
        assertTrue(rig.machine.accepting(true));
    }

    @Test
    void aBackOffSoonAfterTheLastDoublesThePause() {
        connect(3);
        rig.advance(Duration.ofSeconds(10));
        rig.take();
        connect(3);
        assertEquals(new ServiceState.BackingOff(FD, rig.clock.instant().plusSeconds(20)), rig.machine.state());
    }

    @Test
    void aWaitServiceOverTheSpawnRateBacksOffWithoutLendingTheSocket() {
        MachineRig wait = MachineRig.listening(MachineRig.external(true, new Limits(1, 0, 0)));
        wait.feed(new Event.WaitRequest());
        wait.feed(new Event.WaitServerLaunched(new Launch.Started(100)));
        wait.feed(new Event.ChildExited(100, "exit 0", Duration.ZERO, Optional.empty()));
        List<Effect> effects = wait.feed(new Event.WaitRequest());
        assertTrue(effects.stream().noneMatch(e -> e instanceof Effect.LendSocket), effects.toString());
        assertEquals(new ServiceState.BackingOff(FD, wait.clock.instant().plusSeconds(10)), wait.machine.state());
        assertEquals(1, wait.machine.counters().rateLimited());
    }

    @Test
    void anInternalDatagramServiceOverTheRateStopsAnsweringUntilThePauseIsOver() {
        MachineRig echo = MachineRig.listening(MachineRig.internal(Protocol.UDP4, "echo", new Limits(1, 0, 0)));
        echo.feed(new Event.DatagramReceived(PEER, new byte[] {1}, true));
        assertEquals(
                List.of(
                        new Effect.Log(
                                Level.WARN,
                                "echo/udp: more than 1 starts per minute (looping?); "
                                        + "pausing the service for 10 s"),
                        new Effect.ArmTimer(ServiceTimer.RESUME, echo.clock.instant().plusSeconds(10))),
                echo.feed(new Event.DatagramReceived(PEER, new byte[] {2}, true)));
        assertFalse(echo.machine.listening(), "the burst of datagrams stops");
        echo.advance(Duration.ofSeconds(10));
        assertTrue(echo.machine.listening());
    }
}
