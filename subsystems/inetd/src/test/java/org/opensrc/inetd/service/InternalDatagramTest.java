package org.opensrc.inetd.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opensrc.inetd.service.MachineRig.FD;
import static org.opensrc.inetd.service.MachineRig.OTHER_PEER;
import static org.opensrc.inetd.service.MachineRig.PEER;

import org.junit.jupiter.api.Test;
import org.opensrc.inetd.config.Protocol;
import org.opensrc.inetd.config.ServiceEntry.Limits;

import java.util.List;
import java.util.Optional;

class InternalDatagramTest {

    @Test
    void aPermittedDatagramIsAnsweredOnTheServiceSocket() {
        MachineRig rig = MachineRig.listening(MachineRig.internal(Protocol.UDP4, "echo", Limits.DEFAULT));
        byte[] data = {1, 2, 3};
        List<Effect> effects = rig.feed(new Event.DatagramReceived(PEER, data, true));
        assertEquals(1, effects.size());
        Effect.Answer answer = (Effect.Answer) effects.getFirst();
        assertEquals(FD, answer.fd());
        assertEquals("echo", answer.name());
        assertArrayEquals(data, answer.request());
        assertEquals(PEER, answer.to());
        assertEquals(new ServiceMachine.Counters(1, 0, 0, 0, Optional.empty()), rig.machine.counters());
    }

    @Test
    void aDatagramTheLoopGuardOrAccessControlRefusesIsIgnoredAndCountedAsRefused() {
        MachineRig rig = MachineRig.listening(MachineRig.internal(Protocol.UDP4, "echo", Limits.DEFAULT));
        assertEquals(
                List.of(new Effect.Trace("IGNORED echo/udp datagram from " + PEER)),
                rig.feed(new Event.DatagramReceived(PEER, new byte[0], false)));
        assertEquals(new ServiceMachine.Counters(0, 1, 0, 0, Optional.empty()), rig.machine.counters());
    }

    @Test
    void aSourceOverItsRateGetsNoAnswerWhileOthersDo() {
        MachineRig rig = MachineRig.listening(MachineRig.internal(Protocol.UDP4, "echo", new Limits(256, 0, 1)));
        rig.feed(new Event.DatagramReceived(PEER, new byte[0], true));
        assertEquals(List.of(), rig.feed(new Event.DatagramReceived(PEER, new byte[0], true)));
        assertEquals(1, rig.machine.counters().rateLimited());
        assertEquals(1, rig.feed(new Event.DatagramReceived(OTHER_PEER, new byte[0], true)).size());
    }
}
