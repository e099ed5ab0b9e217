package org.opensrc.srcmstr.control;

import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.TextFormat;

import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import org.opensrc.libsrc.SrcFailure;
import org.opensrc.proto.v1.ControlGrpc;
import org.opensrc.proto.v1.LongStatusReply;
import org.opensrc.proto.v1.LongStatusRequest;
import org.opensrc.proto.v1.RefreshRequest;
import org.opensrc.proto.v1.RequestReply;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.StartReply;
import org.opensrc.proto.v1.StartRequest;
import org.opensrc.proto.v1.StatusReply;
import org.opensrc.proto.v1.StatusRequest;
import org.opensrc.proto.v1.StatusRow;
import org.opensrc.proto.v1.StopReply;
import org.opensrc.proto.v1.StopRequest;
import org.opensrc.proto.v1.SubserverStartRequest;
import org.opensrc.proto.v1.SubserverStatusReply;
import org.opensrc.proto.v1.SubserverStatusRequest;
import org.opensrc.proto.v1.SubserverStopRequest;
import org.opensrc.proto.v1.TraceRequest;
import org.opensrc.proto.v1.WatchEvent;
import org.opensrc.proto.v1.WatchRequest;
import org.opensrc.srcmstr.caller.Authorization;
import org.opensrc.srcmstr.caller.CallerContext;
import org.opensrc.srcmstr.requests.Answer;
import org.opensrc.srcmstr.requests.ForwardedRequests;
import org.opensrc.srcmstr.requests.Refused;
import org.opensrc.srcmstr.requests.SupervisionRequests;
import org.opensrc.srcmstr.supervise.WatchBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Control service: the gRPC edge of supervision, and the only class that speaks proto for it. Authorizes and logs
 * changes (once, in {@link #change}), maps requests to domain values ({@link WireValues}), hands the work to {@link
 * SupervisionRequests} and {@link ForwardedRequests}, and turns their refusals into gRPC statuses (once, in {@link
 * #answer}).
 */
public final class ControlService extends ControlGrpc.ControlImplBase {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.opensrc.srcmstr.audit");

    private final Authorization authorization;
    private final SupervisionRequests supervision;
    private final ForwardedRequests<List<StatusRow>> forwarded;
    private final int watchBuffer;

    /**
     * @param watchBuffer most changes queued for one watcher ({@code lssrc --watch}) before it is told it lost events
     */
    public ControlService(
            Authorization authorization,
            SupervisionRequests supervision,
            ForwardedRequests<List<StatusRow>> forwarded,
            int watchBuffer) {
        this.authorization = authorization;
        this.supervision = supervision;
        this.forwarded = forwarded;
        this.watchBuffer = watchBuffer;
    }

    @Override
    public void start(StartRequest request, StreamObserver<StartReply> out) {
        answer(
                out,
                change(
                        "startsrc",
                        redacted(request),
                        () ->
                                StartReply.newBuilder()
                                        .addAllOutcomes(
                                                WireValues.outcomes(
                                                        supervision.start(
                                                                WireValues.scope(request.getTarget()),
                                                                request.getArgs(),
                                                                request.getEnv(),
                                                                request.getWaitMs())))
                                        .build()));
    }

    @Override
    public void stop(StopRequest request, StreamObserver<StopReply> out) {
        answer(
                out,
                change(
                        "stopsrc",
                        request,
                        () ->
                                StopReply.newBuilder()
                                        .addAllOutcomes(
                                                WireValues.outcomes(
                                                        supervision.stop(
                                                                WireValues.scope(request.getTarget()),
                                                                WireValues.stopType(request.getKind()),
                                                                request.getWaitMs())))
                                        .build()));
    }

    @Override
    public void status(StatusRequest request, StreamObserver<StatusReply> out) {
        answer(
                out,
                () ->
                        StatusReply.newBuilder()
                                .addAllSubsystems(
                                        supervision
                                                .status(
                                                        WireValues.scope(request.getTarget()),
                                                        request.getWithProcesses())
                                                .stream()
                                                .map(WireValues::status)
                                                .toList())
                                .build());
    }

    @Override
    public void longStatus(LongStatusRequest request, StreamObserver<LongStatusReply> out) {
        answer(
                out,
                () -> {
                    var status = forwarded.longStatus(WireValues.scope(request.getTarget()));
                    var reply =
                            LongStatusReply.newBuilder()
                                    .addAllRows(status.rows())
                                    .addAllOutcomes(WireValues.outcomes(status.answers()));
                    status.subsystem().map(WireValues::status).ifPresent(reply::setSubsystem);
                    return reply.build();
                });
    }

    @Override
    public void refresh(RefreshRequest request, StreamObserver<RequestReply> out) {
        answer(out, change("refresh", request, () -> reply(forwarded.refresh(WireValues.scope(request.getTarget())))));
    }

    @Override
    public void trace(TraceRequest request, StreamObserver<RequestReply> out) {
        answer(
                out,
                change(
                        "trace",
                        request,
                        () ->
                                reply(
                                        request.hasSubserver()
                                                ? forwarded.traceSubserver(
                                                        WireValues.subserver(request.getSubserver()),
                                                        request.getOn(),
                                                        request.getLong())
                                                : forwarded.trace(
                                                        WireValues.scope(request.getTarget()),
                                                        request.getOn(),
                                                        request.getLong()))));
    }

    @Override
    public void startSubserver(SubserverStartRequest request, StreamObserver<RequestReply> out) {
        answer(
                out,
                change(
                        "startsrc -t",
                        request,
                        () -> reply(forwarded.startSubserver(WireValues.subserver(request.getSubserver())))));
    }

    @Override
    public void stopSubserver(SubserverStopRequest request, StreamObserver<RequestReply> out) {
        answer(
                out,
                change(
                        "stopsrc -t",
                        request,
                        () ->
                                reply(
                                        forwarded.stopSubserver(
                                                WireValues.subserver(request.getSubserver()), request.getForced()))));
    }

    @Override
    public void subserverStatus(SubserverStatusRequest request, StreamObserver<SubserverStatusReply> out) {
        answer(
                out,
                () -> {
                    var status =
                            forwarded.subserverStatus(WireValues.subserver(request.getSubserver()), request.getLong());
                    return SubserverStatusReply.newBuilder()
                            .addAllRows(status.rows())
                            .addAllOutcomes(WireValues.outcomes(status.answers()))
                            .build();
                });
    }

    /** lssrc --watch: everybody may watch, as everybody may list; the stream ends when srcmstr stops. */
    @Override
    public void watch(WatchRequest request, StreamObserver<WatchEvent> out) {
        WatchBuffer buffer;
        try {
            buffer = supervision.watch(watchBuffer);
        } catch (CompletionException | CancellationException e) {
            out.onError(SrcFailure.of(Code.UNAVAILABLE, SrcCode.SRC_CODE_DMNA).toException());
            return;
        }
        new WatchSender(buffer, (ServerCallStreamObserver<WatchEvent>) out).start();
    }

    private static RequestReply reply(List<Answer> answers) {
        return RequestReply.newBuilder().addAllOutcomes(WireValues.outcomes(answers)).build();
    }

    /** A change: refused with 0513-019 unless the caller may change things, then logged, then done. */
    private <T> Supplier<T> change(String command, MessageOrBuilder logged, Supplier<T> work) {
        return () -> {
            authorization.requireChange();
            AUDIT.info(
                    "{} {} {}",
                    CallerContext.current().describe(),
                    command,
                    TextFormat.printer().emittingSingleLine(true).printToString(logged));
            return work.get();
        };
    }

    /** Runs {@code work} and answers with its reply, or with the gRPC form of its refusal; never hangs. */
    private static <T> void answer(StreamObserver<T> out, Supplier<T> work) {
        T reply;
        try {
            reply = work.get();
        } catch (Refused e) {
            out.onError(WireValues.failure(e));
            return;
        } catch (StatusRuntimeException e) {
            out.onError(e);
            return;
        } catch (CompletionException | CancellationException e) {
            // supervision could not handle the request (it is logged there)
            out.onError(
                    SrcFailure.of(Code.INTERNAL, SrcCode.SRC_CODE_ICMD)
                            .withDetail("srcmstr could not handle the request; srcmstr.log says why")
                            .toException());
            return;
        }
        out.onNext(reply);
        out.onCompleted();
    }

    /**
     * A start request as the log may show it: -a and -e may hold passwords, so the log keeps the variable names and the
     * number of argument characters, never the values.
     */
    static StartRequest redacted(StartRequest request) {
        StartRequest.Builder b = request.toBuilder();
        if (!request.getArgs().isEmpty()) {
            b.setArgs("<" + request.getArgs().length() + " characters>");
        }
        if (!request.getEnv().isEmpty()) {
            b.setEnv(
                    Arrays.stream(request.getEnv().trim().split("\\s+"))
                            .map(
                                    word ->
                                            word.contains("=")
                                                    ? word.substring(0, word.indexOf('=')) + "=<hidden>"
                                                    : "<hidden>")
                            .collect(Collectors.joining(" ")));
        }
        return b.build();
    }
}
