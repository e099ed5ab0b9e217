package org.opensrc.srcmstr.subsys;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import org.opensrc.proto.v1.SubsystemReply;
import org.opensrc.proto.v1.SubsystemRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One open Attach stream: the way to one daemon instance, and the requests in flight on it. Sending is serialized on
 * this object (a gRPC stream is not thread-safe); futures are completed outside the lock.
 */
final class Attachment {

    final String token;
    final int callerPid;
    private final StreamObserver<SubsystemRequest> out;
    private final Map<Long, CompletableFuture<SubsystemReply>> inFlight = new HashMap<>();
    private boolean closed;
    private volatile int pid;
    private volatile boolean ready;

    Attachment(String token, int callerPid, StreamObserver<SubsystemRequest> out) {
        this.token = token;
        this.callerPid = callerPid;
        this.out = out;
    }

    int pid() {
        return pid;
    }

    void bindTo(int boundPid) {
        this.pid = boundPid;
    }

    boolean ready() {
        return ready;
    }

    void markReady() {
        ready = true;
    }

    /** Registers {@code reply} and sends {@code request}; false when the stream is gone. */
    synchronized boolean send(SubsystemRequest request, CompletableFuture<SubsystemReply> reply) {
        if (closed) {
            return false;
        }
        inFlight.put(request.getRequestId(), reply);
        try {
            out.onNext(request);
            return true;
        } catch (RuntimeException streamAlreadyCancelled) {
            inFlight.remove(request.getRequestId());
            return false;
        }
    }

    /** Routes a reply to its request; a late reply (after the timeout) finds nothing. */
    void replied(SubsystemReply reply) {
        CompletableFuture<SubsystemReply> waiting;
        synchronized (this) {
            waiting = inFlight.remove(reply.getRequestId());
        }
        if (waiting != null) {
            waiting.complete(reply);
        }
    }

    /** Forgets request {@code id}; true when it was still waiting. */
    synchronized boolean expire(long id) {
        return inFlight.remove(id) != null;
    }

    /**
     * Ends this attachment and fails what is in flight with {@link SubsystemGoneException}. {@code ending} is how the
     * server side of the stream is closed: {@code null} when the transport is already gone, {@link Status#OK} to
     * complete it, else an error status.
     */
    void close(Status ending, String why) {
        List<CompletableFuture<SubsystemReply>> orphans;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            orphans = new ArrayList<>(inFlight.values());
            inFlight.clear();
            if (ending != null) {
                try {
                    if (ending.isOk()) {
                        out.onCompleted();
                    } else {
                        out.onError(ending.asRuntimeException());
                    }
                } catch (RuntimeException streamAlreadyCancelled) {
                    // nothing left to close
                }
            }
        }
        for (CompletableFuture<SubsystemReply> orphan : orphans) {
            orphan.completeExceptionally(new SubsystemGoneException(pid, why));
        }
    }
}
