package org.opensrc.inetd.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opensrc.inetd.service.MachineRig.FD;

import org.junit.jupiter.api.Test;
import org.opensrc.inetd.config.ServiceEntry;
import org.opensrc.inetd.config.ServiceEntry.Limits;
import org.opensrc.inetd.service.Effect.Level;
import org.opensrc.inetd.spawn.Launch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

class WaitServiceTest {
    final ServiceEntry ftp = MachineRig.external(true, Limits.DEFAULT);
    final MachineRig rig = MachineRig.listening(ftp);

    @Test
    void aRequestLendsTheSocketToTheServer() {
        assertEquals(List.of(new Effect.LendSocket(FD, ftp)), rig.feed(new Event.WaitRequest()));
        assertEquals(1, rig.machine.counters().accepted());
    }

    @Test
    void whileTheServerHoldsTheSocketItIsNotPolledAndShowsAsWaiting() {
        rig.feed(new Event.WaitRequest());
        assertEquals(
                List.of(new Effect.Track(200, Optional.empty()), new Effect.Trace("START ftp/tcp from - pid=200")),
                rig.feed(new Event.WaitServerLaunched(new Launch.Started(200))));
        assertEquals(new ServiceState.HeldByServer(FD), rig.machine.state());
        assertFalse(rig.machine.accepting(true));
        assertEquals("waiting", rig.machine.stateWord(false));
        assertEquals(1, rig.machine.running());
    }

    @Test
    void whenTheServerExitsInetdTakesTheSocketBackAndPollsItAgain() {
        rig.feed(new Event.WaitRequest());
        rig.feed(new Event.WaitServerLaunched(new Launch.Started(200)));
        assertEquals(
                List.of(
                        new Effect.Trace("EXIT ftp/tcp pid=200 status=exit 0 duration=20ms peer=-"),
                        new Effect.ReclaimSocket(FD, false)),
                rig.feed(new Event.ChildExited(200, "exit 0", Duration.ofMillis(20), Optional.empty())));
        assertEquals(new ServiceState.Listening(FD), rig.machine.state());
        assertTrue(rig.machine.accepting(true));
    }

    @Test
    void aServerThatCannotStartDropsTheRequestAndTheServiceKeepsListening() {
        rig.feed(new Event.WaitRequest());
        assertEquals(
                List.of(
                        new Effect.ReclaimSocket(FD, true),
                        new Effect.Log(Level.ERROR, "ftp/tcp: cannot start /usr/sbin/ftpd: no such user")),
                rig.feed(new Event.WaitServerLaunched(new Launch.Failed("no such user"))));
        assertEquals(new ServiceState.Listening(FD), rig.machine.state());
        assertEquals(0, rig.machine.running());
    }
}
