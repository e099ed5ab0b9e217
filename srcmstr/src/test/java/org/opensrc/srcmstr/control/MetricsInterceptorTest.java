package org.opensrc.srcmstr.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.junit.jupiter.api.Test;
import org.opensrc.proto.v1.DefinitionsGrpc;
import org.opensrc.srcmstr.metrics.RpcMetrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

class MetricsInterceptorTest {

    private static String text(PrometheusRegistry registry) throws IOException {
        var out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCallIsCountedOnceWithItsCodeAndDurationOnTheInjectedClock() throws Exception {
        var registry = new PrometheusRegistry();
        AtomicLong nanos = new AtomicLong();
        var service =
                new DefinitionsGrpc.DefinitionsImplBase() {
                    @Override
                    public void listSubsystems(
                            org.opensrc.proto.v1.ListSubsystemsRequest request,
                            StreamObserver<org.opensrc.proto.v1.ListSubsystemsReply> out) {
                        nanos.addAndGet(3_000_000); // 3 ms pass while it works
                        out.onNext(org.opensrc.proto.v1.ListSubsystemsReply.getDefaultInstance());
                        out.onCompleted();
                    }
                };
        String name = InProcessServerBuilder.generateName();
        Server server =
                InProcessServerBuilder.forName(name)
                        .directExecutor()
                        .addService(
                                ServerInterceptors.intercept(
                                        service, new MetricsInterceptor(new RpcMetrics(registry), nanos::get)))
                        .build()
                        .start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        try {
            DefinitionsGrpc.newBlockingStub(channel)
                    .listSubsystems(org.opensrc.proto.v1.ListSubsystemsRequest.getDefaultInstance());
        } finally {
            channel.shutdownNow();
            server.shutdownNow();
        }
        String text = text(registry);
        assertTrue(
                text.contains(
                        "opensrc_rpc_requests_total{code=\"OK\",method=\"srcmstr.v1.Definitions/ListSubsystems\"} 1.0\n"),
                text);
        assertTrue(
                text.contains(
                        "opensrc_rpc_duration_seconds_bucket{method=\"srcmstr.v1.Definitions/ListSubsystems\","
                                + "le=\"0.005\"} 1\n"),
                text);
        assertTrue(
                text.contains(
                        "opensrc_rpc_duration_seconds_bucket{method=\"srcmstr.v1.Definitions/ListSubsystems\","
                                + "le=\"0.001\"} 0\n"),
                text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("opensrc_rpc_requests_total{")).count(), text);
    }

    @Test
    void aWatchTheClientCancelsIsCountedAsCancelled() throws Exception {
        var registry = new PrometheusRegistry();
        AtomicLong nanos = new AtomicLong();
        var service =
                new org.opensrc.proto.v1.ControlGrpc.ControlImplBase() {
                    @Override
                    public void watch(
                            org.opensrc.proto.v1.WatchRequest request,
                            StreamObserver<org.opensrc.proto.v1.WatchEvent> out) {
                        nanos.addAndGet(2_000_000_000L); // the watch lasts 2 s and never ends by itself
                        out.onNext(org.opensrc.proto.v1.WatchEvent.getDefaultInstance());
                    }
                };
        String name = InProcessServerBuilder.generateName();
        Server server =
                InProcessServerBuilder.forName(name)
                        .directExecutor()
                        .addService(
                                ServerInterceptors.intercept(
                                        service, new MetricsInterceptor(new RpcMetrics(registry), nanos::get)))
                        .build()
                        .start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        try (var context = io.grpc.Context.current().withCancellation()) {
            context.run(
                    () -> {
                        var events =
                                org.opensrc.proto.v1.ControlGrpc.newBlockingStub(channel)
                                        .watch(org.opensrc.proto.v1.WatchRequest.getDefaultInstance());
                        events.next();
                    });
            context.cancel(null);
        } finally {
            channel.shutdownNow();
            server.shutdownNow();
        }
        String text = text(registry);
        assertTrue(
                text.contains(
                        "opensrc_rpc_requests_total{code=\"CANCELLED\",method=\"srcmstr.v1.Control/Watch\"} 1.0\n"),
                text);
        assertTrue(text.contains("opensrc_rpc_duration_seconds_sum{method=\"srcmstr.v1.Control/Watch\"} 2.0\n"), text);
    }
}
