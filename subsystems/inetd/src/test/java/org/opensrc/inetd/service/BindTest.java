package org.opensrc.inetd.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opensrc.inetd.service.MachineRig.FD;

import org.junit.jupiter.api.Test;
import org.opensrc.inetd.config.ServiceEntry.Limits;
import org.opensrc.inetd.service.Effect.Level;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

class BindTest {
    final MachineRig rig = new MachineRig(MachineRig.external(false, Limits.DEFAULT));

    @Test
    void aNewServiceHasNoSocketAndShowsAsBindFailedUntilItIsBound() {
        assertEquals(new ServiceState.Unbound(ServiceMachine.FIRST_BIND_RETRY), rig.machine.state());
        assertEquals(OptionalInt.empty(), rig.machine.socket());
        assertFalse(rig.machine.accepting(true));
        assertEquals("bind-failed", rig.machine.stateWord(false));
    }

    @Test
    void aBoundSocketListensAndIsToBePolled() {
        assertEquals(
                List.of(new Effect.Log(Level.INFO, "ftp/tcp: listening on port 21")),
                rig.feed(new Event.BindSucceeded(FD)));
        assertEquals(new ServiceState.Listening(FD), rig.machine.state());
        assertEquals(OptionalInt.of(FD), rig.machine.socket());
        assertTrue(rig.machine.accepting(true));
        assertEquals("active", rig.machine.stateWord(true));
    }

    @Test
    void aFailedBindIsRetriedAfterFiveSecondsThenAfterDoubleThePauseUpToFiveMinutes() {
        List<Long> pauses = List.of(5L, 10L, 20L, 40L, 80L, 160L, 300L, 300L);
        for (long seconds : pauses) {
            assertEquals(
                    List.of(
                            new Effect.Log(
                                    Level.ERROR,
                                    "ftp/tcp: bind to port 21: Address in use; retrying in " + seconds + " s"),
                            new Effect.ArmTimer(ServiceTimer.BIND_RETRY, rig.clock.instant().plusSeconds(seconds))),
                    rig.feed(new Event.BindFailed("Address in use")));
            rig.take();
            rig.advance(Duration.ofSeconds(seconds).minusMillis(1));
            assertEquals(List.of(), rig.take(), "nothing before the pause is over");
            rig.advance(Duration.ofMillis(1));
            assertEquals(List.of(new Effect.Bind()), rig.take(), "the retry asks for another bind");
        }
    }

    @Test
    void aRetriedBindThatSucceedsListens() {
        rig.feed(new Event.BindFailed("Address in use"));
        rig.advance(ServiceMachine.FIRST_BIND_RETRY);
        rig.feed(new Event.BindSucceeded(FD));
        assertEquals(new ServiceState.Listening(FD), rig.machine.state());
        assertFalse(rig.armed(ServiceTimer.BIND_RETRY));
    }
}
