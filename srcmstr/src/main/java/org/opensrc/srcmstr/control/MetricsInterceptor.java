package org.opensrc.srcmstr.control;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import org.opensrc.srcmstr.metrics.RpcMetrics;

import java.util.Objects;
import java.util.function.LongSupplier;

/** Counts every call and its duration by method and status code ({@link RpcMetrics}), when the call closes. */
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
        return next.startCall(
                new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                    @Override
                    public void close(Status status, Metadata trailers) {
                        metrics.record(method, status.getCode().name(), (nanoTime.getAsLong() - started) / 1e9);
                        super.close(status, trailers);
                    }
                },
                headers);
    }
}
