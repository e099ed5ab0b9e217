package org.opensrc.srcmstr.subsys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.opensrc.proto.v1.Outcome;
import org.opensrc.proto.v1.ServiceCounters;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.SubsystemReply;
import org.opensrc.srcmstr.metrics.CountersAnswer;
import org.opensrc.srcmstr.metrics.ServiceCount;

import java.time.Duration;
import java.util.List;

class HubSuperServersTest {

    private static final ServiceCounters DAYTIME =
            ServiceCounters.newBuilder()
                    .setService("daytime")
                    .setProtocol("tcp")
                    .setAddress("*")
                    .setPort(13)
                    .setState("active")
                    .setAccepted(3)
                    .setRefused(1)
                    .setRateLimited(2)
                    .setRunning(1)
                    .build();

    @Test
    void aSuccessfulReplyIsEveryServiceWithItsCounters() {
        var reply = SubsystemReply.newBuilder().setOutcome(Outcome.getDefaultInstance()).addServices(DAYTIME).build();
        assertEquals(
                new CountersAnswer.Counted(List.of(new ServiceCount("daytime", "tcp", "*", 3, 1, 2, 1))),
                HubSuperServers.fromWire(reply));
    }

    @Test
    void aDaemonThatAnswers129Or087OffersNoCounters() {
        for (SrcCode code : List.of(SrcCode.SRC_CODE_NOSUPPORT, SrcCode.SRC_CODE_SUBICMD)) {
            var reply = SubsystemReply.newBuilder().setOutcome(Outcome.newBuilder().setCode(code)).build();
            assertEquals(new CountersAnswer.NotOffered(), HubSuperServers.fromWire(reply));
        }
    }

    @Test
    void aCounterPastWhatALongHoldsMakesTheAnswerUnusable() {
        var reply =
                SubsystemReply.newBuilder()
                        .addServices(DAYTIME.toBuilder().setAccepted(-1)) // 2^64 - 1 as a uint64
                        .build();
        assertInstanceOf(CountersAnswer.Unanswered.class, HubSuperServers.fromWire(reply));
    }

    @Test
    void aSubsystemThatIsNotAttachedIsUnanswered() {
        try (var hub = new SubsystemHub(new ReplyTimeout(Duration.ofSeconds(1)), SubsystemHub.Listener.NONE)) {
            assertInstanceOf(
                    CountersAnswer.Unanswered.class,
                    new HubSuperServers(hub).serviceCounters(4711, Duration.ofSeconds(1)).join());
        }
    }
}
