package org.opensrc.srcmstr.subsys;

import org.opensrc.proto.v1.RefreshCommand;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.StatusCommand;
import org.opensrc.proto.v1.StatusRow;
import org.opensrc.proto.v1.StopCommand;
import org.opensrc.proto.v1.SubserverAction;
import org.opensrc.proto.v1.SubserverCommand;
import org.opensrc.proto.v1.SubsystemReply;
import org.opensrc.proto.v1.SubsystemRequest;
import org.opensrc.proto.v1.TraceCommand;
import org.opensrc.srcmstr.requests.DaemonReply;
import org.opensrc.srcmstr.requests.DaemonRequest;
import org.opensrc.srcmstr.requests.Daemons;
import org.opensrc.srcmstr.supervise.SrcMessage;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link Daemons} over the {@link SubsystemHub}: domain requests into subsystem API messages and back, once. The status
 * packet stays in its wire form: srcmstr passes it on.
 */
public final class HubDaemons implements Daemons<List<StatusRow>> {

    private final SubsystemHub hub;

    public HubDaemons(SubsystemHub hub) {
        this.hub = hub;
    }

    @Override
    public CompletableFuture<DaemonReply<List<StatusRow>>> send(int pid, DaemonRequest request, Duration timeout) {
        return hub.send(pid, toWire(request), timeout)
                .handle(
                        (reply, error) -> {
                            if (error != null) {
                                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                                if (cause instanceof SubsystemRequestException failed) {
                                    throw new Unreachable(
                                            failed.srcCode(),
                                            failed instanceof SubsystemTimeoutException,
                                            failed.getMessage());
                                }
                                throw error instanceof CompletionException c ? c : new CompletionException(error);
                            }
                            return fromWire(reply);
                        });
    }

    static SubsystemRequest toWire(DaemonRequest request) {
        SubsystemRequest.Builder b = SubsystemRequest.newBuilder();
        return switch (request) {
            case DaemonRequest.Status s -> b.setStatus(StatusCommand.newBuilder().setLong(s.longForm())).build();
            case DaemonRequest.Refresh r -> b.setRefresh(RefreshCommand.getDefaultInstance()).build();
            case DaemonRequest.Trace t ->
                    b.setTrace(TraceCommand.newBuilder().setOn(t.on()).setLong(t.longForm())).build();
            case DaemonRequest.Stop s -> b.setStop(StopCommand.newBuilder().setForced(s.forced())).build();
            case DaemonRequest.Subserver s ->
                    b.setSubserver(
                                    SubserverCommand.newBuilder()
                                            .setAction(
                                                    switch (s.action()) {
                                                        case START -> SubserverAction.SUBSERVER_ACTION_START;
                                                        case STOP -> SubserverAction.SUBSERVER_ACTION_STOP;
                                                        case STATUS -> SubserverAction.SUBSERVER_ACTION_STATUS;
                                                        case TRACE -> SubserverAction.SUBSERVER_ACTION_TRACE;
                                                    })
                                            .setType(s.type())
                                            .setCodePoint(s.codePoint())
                                            .setObject(s.object())
                                            .setSubserverPid(s.subserverPid())
                                            .setForced(s.forced())
                                            .setLong(s.longForm())
                                            .setOn(s.on()))
                            .build();
        };
    }

    static DaemonReply<List<StatusRow>> fromWire(SubsystemReply reply) {
        var o = reply.getOutcome();
        Optional<SrcMessage> refusal =
                o.getCode() == SrcCode.SRC_CODE_UNSPECIFIED
                        ? Optional.empty()
                        : Optional.of(new SrcMessage(o.getCode(), o.getArgsList(), o.getText()));
        return new DaemonReply<>(refusal, List.copyOf(reply.getRowsList()));
    }
}
