package org.opensrc.libsrc.subsystem;

import org.opensrc.proto.v1.StatusRow;
import org.opensrc.proto.v1.SubsystemReply;
import org.opensrc.proto.v1.SubsystemRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Turns one request into one reply by calling the daemon's {@link SrcHandler}. */
final class RequestDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private final SrcHandler handler;

    RequestDispatcher(SrcHandler handler) {
        this.handler = handler;
    }

    SubsystemReply handle(SubsystemRequest request) {
        SubsystemReply.Builder reply = SubsystemReply.newBuilder().setRequestId(request.getRequestId());
        try {
            switch (request.getRequestCase()) {
                case STOP -> reply.setOutcome(handler.stop(request.getStop().getForced()).toOutcome());
                case STATUS -> {
                    List<StatusRow> rows = request.getStatus().getLong() ? handler.longStatus() : handler.shortStatus();
                    reply.setOutcome(Reply.ok().toOutcome()).addAllRows(rows);
                }
                case TRACE ->
                        reply.setOutcome(
                                handler.trace(request.getTrace().getOn(), request.getTrace().getLong()).toOutcome());
                case REFRESH -> reply.setOutcome(handler.refresh().toOutcome());
                case SUBSERVER -> {
                    SubserverReply answer = handler.subserver(request.getSubserver());
                    reply.setOutcome(answer.outcome().toOutcome()).addAllRows(answer.rows());
                }
                case SERVICE_COUNTERS ->
                        reply.setOutcome(Reply.ok().toOutcome()).addAllServices(handler.serviceCounters());
                case REQUEST_NOT_SET -> reply.setOutcome(Reply.notUnderstood().toOutcome());
            }
        } catch (UnsupportedOperationException e) {
            reply.clearRows().clearServices().setOutcome(Reply.notSupported().toOutcome());
        } catch (RuntimeException e) {
            LOG.warn("SRC request {} failed in the daemon's handler", request.getRequestCase(), e);
            reply.clearRows().clearServices().setOutcome(Reply.notUnderstood().toOutcome());
        }
        return reply.build();
    }
}
