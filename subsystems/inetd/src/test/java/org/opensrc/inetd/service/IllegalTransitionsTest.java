package org.opensrc.inetd.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.opensrc.inetd.service.MachineRig.FD;
import static org.opensrc.inetd.service.MachineRig.PEER;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensrc.inetd.config.ServiceEntry.Limits;
import org.opensrc.inetd.spawn.Launch;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Events the driver never produces in a state (it polls the socket only while listening, arms each timer only in its
 * state, and binds only when unbound): each is a programmer error and throws, leaving the state as it was.
 */
class IllegalTransitionsTest {

    static MachineRig unbound() {
        return new MachineRig(MachineRig.external(true, new Limits(1, 0, 0)));
    }

    static MachineRig listening() {
        return MachineRig.listening(MachineRig.external(true, new Limits(1, 0, 0)));
    }

    static MachineRig heldByServer() {
        MachineRig rig = listening();
        rig.feed(new Event.WaitRequest());
        rig.feed(new Event.WaitServerLaunched(new Launch.Started(200)));
        return rig;
    }

    static MachineRig backingOff() {
        MachineRig rig = heldByServer();
        rig.feed(new Event.ChildExited(200, "exit 0", Duration.ZERO, Optional.empty()));
        rig.feed(new Event.WaitRequest());
        return rig;
    }

    static MachineRig closed() {
        MachineRig rig = listening();
        rig.feed(new Event.Retire());
        return rig;
    }

    static Stream<Arguments> illegal() {
        Event bound = new Event.BindSucceeded(FD);
        Event bindFailed = new Event.BindFailed("Address in use");
        Event bindRetry = new Event.TimerFired(ServiceTimer.BIND_RETRY);
        Event resume = new Event.TimerFired(ServiceTimer.RESUME);
        Event connected = new Event.Connected(11, PEER, true);
        Event datagram = new Event.DatagramReceived(PEER, new byte[0], true);
        Event waitRequest = new Event.WaitRequest();
        Event launched = new Event.WaitServerLaunched(new Launch.Started(201));
        return Stream.of(
                row("Unbound", IllegalTransitionsTest::unbound, resume),
                row("Unbound", IllegalTransitionsTest::unbound, connected),
                row("Unbound", IllegalTransitionsTest::unbound, datagram),
                row("Unbound", IllegalTransitionsTest::unbound, waitRequest),
                row("Unbound", IllegalTransitionsTest::unbound, launched),
                row("Listening", IllegalTransitionsTest::listening, bound),
                row("Listening", IllegalTransitionsTest::listening, bindFailed),
                row("Listening", IllegalTransitionsTest::listening, bindRetry),
                row("Listening", IllegalTransitionsTest::listening, resume),
                row("HeldByServer", IllegalTransitionsTest::heldByServer, bound),
                row("HeldByServer", IllegalTransitionsTest::heldByServer, bindRetry),
                row("HeldByServer", IllegalTransitionsTest::heldByServer, resume),
                row("HeldByServer", IllegalTransitionsTest::heldByServer, connected),
                row("HeldByServer", IllegalTransitionsTest::heldByServer, datagram),
                row("HeldByServer", IllegalTransitionsTest::heldByServer, waitRequest),
                row("HeldByServer", IllegalTransitionsTest::heldByServer, launched),
                row("BackingOff", IllegalTransitionsTest::backingOff, bound),
                row("BackingOff", IllegalTransitionsTest::backingOff, bindRetry),
                row("BackingOff", IllegalTransitionsTest::backingOff, connected),
                row("BackingOff", IllegalTransitionsTest::backingOff, datagram),
                row("BackingOff", IllegalTransitionsTest::backingOff, waitRequest),
                row("BackingOff", IllegalTransitionsTest::backingOff, launched),
                row("Closed", IllegalTransitionsTest::closed, bound),
                row("Closed", IllegalTransitionsTest::closed, bindFailed),
                row("Closed", IllegalTransitionsTest::closed, bindRetry),
                row("Closed", IllegalTransitionsTest::closed, resume),
                row("Closed", IllegalTransitionsTest::closed, connected),
                row("Closed", IllegalTransitionsTest::closed, datagram),
                row("Closed", IllegalTransitionsTest::closed, waitRequest),
                row("Closed", IllegalTransitionsTest::closed, launched));
    }

    private static Arguments row(String state, Supplier<MachineRig> rig, Event event) {
        return Arguments.of(state, rig, event);
    }

    @ParameterizedTest(name = "{0} + {2}")
    @MethodSource("illegal")
    void anEventTheDriverNeverSendsInThisStateThrowsAndChangesNothing(
            String name, Supplier<MachineRig> make, Event event) {
        MachineRig rig = make.get();
        ServiceState before = rig.machine.state();
        assertEquals(name, before.getClass().getSimpleName());
        ServiceMachine.Counters counters = rig.machine.counters();
        assertThrows(IllegalStateException.class, () -> rig.machine.apply(event, rig.clock.instant()));
        assertEquals(before, rig.machine.state());
        assertEquals(counters, rig.machine.counters());
    }
}
