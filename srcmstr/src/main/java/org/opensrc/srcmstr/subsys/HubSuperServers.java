package org.opensrc.srcmstr.subsys;

import org.opensrc.proto.v1.ServiceCounters;
import org.opensrc.proto.v1.ServiceCountersCommand;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.SubsystemReply;
import org.opensrc.proto.v1.SubsystemRequest;
import org.opensrc.srcmstr.metrics.CountersAnswer;
import org.opensrc.srcmstr.metrics.ServiceCount;
import org.opensrc.srcmstr.metrics.SuperServers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link SuperServers} over the {@link SubsystemHub}: the service counters request out, its reply back into values,
 * once. Every failure (not attached, no answer within the deadline, gone, a counter beyond what a signed 64-bit value
 * holds) becomes {@link CountersAnswer.Unanswered}.
 */
public final class HubSuperServers implements SuperServers {

    private static final SubsystemRequest REQUEST =
            SubsystemRequest.newBuilder().setServiceCounters(ServiceCountersCommand.getDefaultInstance()).build();

    private final SubsystemHub hub;

    public HubSuperServers(SubsystemHub hub) {
        this.hub = hub;
    }

    @Override
    public CompletableFuture<CountersAnswer> serviceCounters(int pid, Duration deadline) {
        return hub.send(pid, REQUEST, deadline)
                .handle(
                        (reply, error) -> {
                            if (error != null) {
                                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                                return new CountersAnswer.Unanswered(String.valueOf(cause.getMessage()));
                            }
                            return fromWire(reply);
                        });
    }

    static CountersAnswer fromWire(SubsystemReply reply) {
        if (reply.getOutcome().getCode() != SrcCode.SRC_CODE_UNSPECIFIED) {
            return new CountersAnswer.NotOffered();
        }
        List<ServiceCount> services = new ArrayList<>();
        for (ServiceCounters s : reply.getServicesList()) {
            // uint64 on the wire: a value past Long.MAX_VALUE reads as negative
            if (s.getAccepted() < 0 || s.getRefused() < 0 || s.getRateLimited() < 0) {
                return new CountersAnswer.Unanswered("a counter of " + s.getService() + " is out of range");
            }
            services.add(
                    new ServiceCount(
                            s.getService(),
                            s.getProtocol(),
                            s.getAddress(),
                            s.getAccepted(),
                            s.getRefused(),
                            s.getRateLimited(),
                            Integer.toUnsignedLong(s.getRunning())));
        }
        return new CountersAnswer.Counted(services);
    }
}
