package org.opensrc.inetd.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opensrc.inetd.service.MachineRig.OTHER_PEER;
import static org.opensrc.inetd.service.MachineRig.PEER;

import org.junit.jupiter.api.Test;
import org.opensrc.inetd.config.Protocol;
import org.opensrc.inetd.config.ServiceEntry;
import org.opensrc.inetd.config.ServiceEntry.Limits;
import org.opensrc.inetd.service.Effect.Level;
import org.opensrc.inetd.spawn.Launch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

class NowaitConnectionTest {
    final ServiceEntry ftp = MachineRig.external(false, Limits.DEFAULT);
    final MachineRig rig = MachineRig.listening(ftp);

    @Test
    void anAdmittedConnectionIsSpawnedWithTheConnectionAndCountedAsAccepted() {
        assertEquals(List.of(new Effect.Spawn(11, ftp, PEER)), rig.feed(new Event.Connected(11, PEER, true)));
        assertEquals(1, rig.machine.counters().accepted());
        assertEquals(0, rig.machine.running(), "not running before the spawn reports");
    }

    @Test
    void aSpawnedServerIsTrackedTracedAndCountedAsRunning() {
        rig.feed(new Event.Connected(11, PEER, true));
        assertEquals(
                List.of(
                        new Effect.Track(100, Optional.of(PEER)),
                        new Effect.Trace("START ftp/tcp from " + PEER + " pid=100")),
                rig.feed(new Event.Spawned(new Launch.Started(100), PEER)));
        assertEquals(1, rig.machine.running());
    }

    @Test
    void aServerThatCannotStartIsLoggedAndGivesItsPlaceBack() {
        rig.feed(new Event.Connected(11, PEER, true));
        assertEquals(
                List.of(
                        new Effect.Log(Level.ERROR, "ftp/tcp: cannot start /usr/sbin/ftpd: no such file"),
                        new Effect.CapacityChanged()),
                rig.feed(new Event.Spawned(new Launch.Failed("no such file"), PEER)));
        assertEquals(0, rig.machine.running());
        assertTrue(rig.machine.accepting(true));
    }

    @Test
    void aClientAccessControlRefusesIsClosedAndCountedAsRefused() {
        assertEquals(
                List.of(
                        new Effect.Trace("REFUSED ftp/tcp from " + PEER + ": access denied"),
                        new Effect.CloseConnection(11)),
                rig.feed(new Event.Connected(11, PEER, false)));
        assertEquals(new ServiceMachine.Counters(0, 1, 0, 0, Optional.empty()), rig.machine.counters());
    }

    @Test
    void aSourceOverItsConnectionsPerMinuteIsClosedWhileOthersAreServed() {
        MachineRig perIp = MachineRig.listening(MachineRig.external(false, new Limits(256, 0, 1)));
        perIp.feed(new Event.Connected(11, PEER, true));
        assertEquals(
                List.of(
                        new Effect.Trace("REFUSED ftp/tcp from " + PEER + ": over 1 connections per minute"),
                        new Effect.CloseConnection(12)),
                perIp.feed(new Event.Connected(12, PEER, true)));
        assertEquals(1, perIp.machine.counters().rateLimited());
        assertEquals(
                List.of(new Effect.Spawn(13, perIp.machine.entry(), OTHER_PEER)),
                perIp.feed(new Event.Connected(13, OTHER_PEER, true)));
        assertTrue(perIp.machine.listening());
    }

    @Test
    void anInternalStreamIsServedWithoutAProcessAndRunsUntilItEnds() {
        MachineRig echo = MachineRig.listening(MachineRig.internal(Protocol.TCP4, "echo", Limits.DEFAULT));
        assertEquals(
                List.of(
                        new Effect.Trace("START echo/tcp from " + PEER + " internal"),
                        new Effect.ServeInternal(11, "echo")),
                echo.feed(new Event.Connected(11, PEER, true)));
        assertEquals(1, echo.machine.running());
        assertEquals(List.of(), echo.feed(new Event.InternalEnded()));
        assertEquals(0, echo.machine.running());
        assertEquals(1, echo.machine.counters().accepted());
    }

    @Test
    void anExitIsTracedAndKeptAsTheLastExit() {
        rig.feed(new Event.Connected(11, PEER, true));
        rig.feed(new Event.Spawned(new Launch.Started(100), PEER));
        assertEquals(
                List.of(new Effect.Trace("EXIT ftp/tcp pid=100 status=exit 0 duration=1500ms peer=" + PEER)),
                rig.feed(new Event.ChildExited(100, "exit 0", Duration.ofMillis(1500), Optional.of(PEER))));
        assertEquals(new ServiceMachine.Counters(1, 0, 0, 0, Optional.of("exit 0")), rig.machine.counters());
    }

    @Test
    void aReloadKeepsTheSocketAndServesWithTheNewLine() {
        ServiceEntry edited =
                new ServiceEntry(
                        "ftp",
                        Protocol.TCP4,
                        "*",
                        21,
                        false,
                        Limits.DEFAULT,
                        "nobody",
                        Optional.empty(),
                        "/usr/sbin/ftpd",
                        List.of("ftpd", "-l"),
                        Optional.empty(),
                        true,
                        ftp.file(),
                        3);
        assertEquals(List.of(), rig.feed(new Event.Replaced(edited)));
        assertEquals(new ServiceState.Listening(MachineRig.FD), rig.machine.state());
        assertEquals(List.of(new Effect.Spawn(11, edited, PEER)), rig.feed(new Event.Connected(11, PEER, true)));
    }
}
