package org.opensrc.inetd.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opensrc.inetd.service.MachineRig.PEER;

import org.junit.jupiter.api.Test;
import org.opensrc.inetd.config.ServiceEntry;
import org.opensrc.inetd.config.ServiceEntry.Limits;
import org.opensrc.inetd.spawn.Launch;

import java.time.Duration;
import java.util.Optional;

class MaxChildBudgetTest {
    final MachineRig rig = MachineRig.listening(MachineRig.external(false, new Limits(256, 1, 0)));

    @Test
    void aSpawnUnderWayAlreadyCountsAgainstMaxChild() {
        rig.feed(new Event.Connected(11, PEER, true));
        assertFalse(rig.machine.accepting(true));
        assertTrue(rig.machine.listening());
        assertEquals("paused", rig.machine.stateWord(false));
    }

    @Test
    void atMaxChildTheSocketIsNotPolledUntilAServerExits() {
        rig.feed(new Event.Connected(11, PEER, true));
        rig.feed(new Event.Spawned(new Launch.Started(100), PEER));
        assertFalse(rig.machine.accepting(true));
        rig.feed(new Event.ChildExited(100, "exit 0", Duration.ofSeconds(1), Optional.of(PEER)));
        assertTrue(rig.machine.accepting(true));
    }

    @Test
    void aFailedSpawnGivesItsPlaceBack() {
        rig.feed(new Event.Connected(11, PEER, true));
        rig.feed(new Event.Spawned(new Launch.Failed("exec failed"), PEER));
        assertTrue(rig.machine.accepting(true));
    }

    @Test
    void withoutRoomUnderTheGlobalCapNoServiceIsPolled() {
        assertTrue(rig.machine.accepting(true));
        assertFalse(rig.machine.accepting(false));
    }

    @Test
    void aReloadThatRaisesMaxChildGivesRoomAtOnce() {
        rig.feed(new Event.Connected(11, PEER, true));
        ServiceEntry two = MachineRig.external(false, new Limits(256, 2, 0));
        rig.feed(new Event.Replaced(two));
        assertTrue(rig.machine.accepting(true));
    }
}
