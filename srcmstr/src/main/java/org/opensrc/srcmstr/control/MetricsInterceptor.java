package org.opensrc.srcmstr.control;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import org.opensrc.srcmstr.metrics.RpcMetrics;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Counts every call and its duration by method and status code ({@link RpcMetrics}) once: when srcmstr closes it, or,
 * for a call the client cancelled first (a watch ended by Ctrl-C), when the cancel arrives, as {@code CANCELLED}.
 */
public final class MetricsInterceptor implements ServerInterceptor {

    private final RpcMetrics metrics;
    private final LongSupplier nanoTime;

    /**
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public MetricsInterceptor(RpcMetrics metrics, LongSupplier nanoTime) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        long started = nanoTime.getAsLong();
        String method = call.getMethodDescriptor().getFullMethodName();
        AtomicBoolean counted = new AtomicBoolean();
        ServerCall.Listener<Q> listener =
                next.startCall(
                        new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                            @Override
                            public void close(Status status, Metadata trailers) {
                                record(method, status.getCode(), started, counted);
                                super.close(status, trailers);
                            }
                        },
                        headers);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onCancel() {
                record(method, Status.Code.CANCELLED, started, counted);
                super.onCancel();
            }
        };
    }

    private void record(String method, Status.Code code, long started, AtomicBoolean counted) {
        if (counted.compareAndSet(false, true)) {
            metrics.record(method, code.name(), (nanoTime.getAsLong() - started) / 1e9);
        }
    }
}
