package org.opensrc.srcmstr.control;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;

import org.opensrc.srcmstr.supervise.WatchBuffer;
import org.opensrc.srcmstr.supervise.WatchEvent;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends one watcher's buffer down its gRPC stream on its own virtual thread ({@code watch-sender}), only as fast as the
 * watcher reads: it waits while the transport is not ready (HTTP/2 flow control), so a slow reader's events pile up in
 * its bounded {@link WatchBuffer}, where supervision replaces them with a lost notice and a fresh snapshot, and never
 * in srcmstr's memory or on the supervision thread.
 */
final class WatchSender {

    private final WatchBuffer buffer;
    private final ServerCallStreamObserver<org.opensrc.proto.v1.WatchEvent> out;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private volatile boolean cancelled;

    WatchSender(WatchBuffer buffer, ServerCallStreamObserver<org.opensrc.proto.v1.WatchEvent> out) {
        this.buffer = buffer;
        this.out = out;
    }

    /** Sets the stream's handlers (call from the service method) and starts sending. */
    void start() {
        out.setOnReadyHandler(this::wake);
        out.setOnCancelHandler(
                () -> {
                    cancelled = true;
                    buffer.close();
                    wake();
                });
        Thread.ofVirtual().name("watch-sender").start(this::run);
    }

    private void wake() {
        lock.lock();
        try {
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        try {
            WatchEvent event;
            while ((event = buffer.take()) != null) {
                if (!awaitReady()) {
                    return;
                }
                out.onNext(WatchWire.event(event));
            }
            if (!cancelled) {
                // supervision ended (srcmstr is stopping)
                out.onError(Status.UNAVAILABLE.withDescription("srcmstr is stopping").asRuntimeException());
            }
        } catch (InterruptedException e) {
            buffer.close();
        } catch (RuntimeException e) {
            // the stream broke under us (cancelled meanwhile): the watcher is gone
            buffer.close();
        }
    }

    private boolean awaitReady() throws InterruptedException {
        lock.lock();
        try {
            while (!cancelled && !out.isReady()) {
                ready.await();
            }
            return !cancelled;
        } finally {
            lock.unlock();
        }
    }
}
