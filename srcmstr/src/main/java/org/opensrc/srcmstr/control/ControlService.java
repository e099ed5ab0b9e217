package org.opensrc.srcmstr.control;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import org.opensrc.proto.v1.ControlGrpc;
import org.opensrc.proto.v1.LongStatusReply;
import org.opensrc.proto.v1.LongStatusRequest;
import org.opensrc.proto.v1.RefreshRequest;
import org.opensrc.proto.v1.RequestReply;
import org.opensrc.proto.v1.StartReply;
import org.opensrc.proto.v1.StartRequest;
import org.opensrc.proto.v1.StatusReply;
import org.opensrc.proto.v1.StatusRequest;
import org.opensrc.proto.v1.StopReply;
import org.opensrc.proto.v1.StopRequest;
import org.opensrc.proto.v1.SubserverStartRequest;
import org.opensrc.proto.v1.SubserverStatusReply;
import org.opensrc.proto.v1.SubserverStatusRequest;
import org.opensrc.proto.v1.SubserverStopRequest;
import org.opensrc.proto.v1.TraceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Control service: the gRPC edge of supervision. Authorizes changes, hands the work
 * to {@link SupervisionRequests} and {@link ForwardedRequests}, and turns request-level
 * failures into gRPC statuses (once, here).
 */
public final class ControlService extends ControlGrpc.ControlImplBase {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.opensrc.srcmstr.audit");

    private final Authorization authorization;
    private final SupervisionRequests supervision;
    private final ForwardedRequests forwarded;

    public ControlService(Authorization authorization, SupervisionRequests supervision, ForwardedRequests forwarded) {
        this.authorization = authorization;
        this.supervision = supervision;
        this.forwarded = forwarded;
    }

    @Override
    public void start(StartRequest request, StreamObserver<StartReply> out) {
        answer(out, () -> {
            authorization.requireChange();
            AUDIT.info("{} startsrc {}", Caller.current().describe(), oneLine(redacted(request)));
            return StartReply.newBuilder().addAllOutcomes(supervision.start(request)).build();
        });
    }

    @Override
    public void stop(StopRequest request, StreamObserver<StopReply> out) {
        answer(out, () -> {
            authorization.requireChange();
            AUDIT.info("{} stopsrc {}", Caller.current().describe(), oneLine(request));
            return StopReply.newBuilder().addAllOutcomes(supervision.stop(request)).build();
        });
    }

    @Override
    public void status(StatusRequest request, StreamObserver<StatusReply> out) {
        answer(out, () -> StatusReply.newBuilder().addAllSubsystems(supervision.status(request)).build());
    }

    @Override
    public void longStatus(LongStatusRequest request, StreamObserver<LongStatusReply> out) {
        answer(out, () -> forwarded.longStatus(request));
    }

    @Override
    public void refresh(RefreshRequest request, StreamObserver<RequestReply> out) {
        answer(out, () -> {
            authorization.requireChange();
            AUDIT.info("{} refresh {}", Caller.current().describe(), oneLine(request));
            return forwarded.refresh(request);
        });
    }

    @Override
    public void trace(TraceRequest request, StreamObserver<RequestReply> out) {
        answer(out, () -> {
            authorization.requireChange();
            AUDIT.info("{} trace {}", Caller.current().describe(), oneLine(request));
            return forwarded.trace(request);
        });
    }

    @Override
    public void startSubserver(SubserverStartRequest request, StreamObserver<RequestReply> out) {
        answer(out, () -> {
            authorization.requireChange();
            AUDIT.info("{} startsrc -t {}", Caller.current().describe(), oneLine(request));
            return forwarded.startSubserver(request);
        });
    }

    @Override
    public void stopSubserver(SubserverStopRequest request, StreamObserver<RequestReply> out) {
        answer(out, () -> {
            authorization.requireChange();
            AUDIT.info("{} stopsrc -t {}", Caller.current().describe(), oneLine(request));
            return forwarded.stopSubserver(request);
        });
    }

    @Override
    public void subserverStatus(SubserverStatusRequest request, StreamObserver<SubserverStatusReply> out) {
        answer(out, () -> forwarded.subserverStatus(request));
    }

    private static <T> void answer(StreamObserver<T> out, Supplier<T> work) {
        T reply;
        try {
            reply = work.get();
        } catch (StatusRuntimeException e) {
            out.onError(e);
            return;
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            // supervision could not handle the request (it is logged there): answer, never hang
            out.onError(org.opensrc.libsrc.SrcFailure.of(io.grpc.Status.Code.INTERNAL,
                    org.opensrc.proto.v1.SrcCode.SRC_CODE_ICMD)
                    .withDetail("srcmstr could not handle the request; srcmstr.log says why").toException());
            return;
        }
        out.onNext(reply);
        out.onCompleted();
    }

    /**
     * A start request as the log may show it: -a and -e may hold passwords, so the log
     * keeps the variable names and the number of argument characters, never the values.
     */
    static StartRequest redacted(StartRequest request) {
        StartRequest.Builder b = request.toBuilder();
        if (!request.getArgs().isEmpty()) {
            b.setArgs("<" + request.getArgs().length() + " characters>");
        }
        if (!request.getEnv().isEmpty()) {
            b.setEnv(java.util.Arrays.stream(request.getEnv().trim().split("\\s+"))
                    .map(word -> word.contains("=") ? word.substring(0, word.indexOf('=')) + "=<hidden>" : "<hidden>")
                    .collect(java.util.stream.Collectors.joining(" ")));
        }
        return b.build();
    }

    private static String oneLine(com.google.protobuf.MessageOrBuilder m) {
        return com.google.protobuf.TextFormat.printer().shortDebugString(m);
    }
}
