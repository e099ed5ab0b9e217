package org.opensrc.srcmstr.metrics;

import com.sun.net.httpserver.HttpHandler;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * {@code /metrics} in the Prometheus text format and the status page ({@link StatusPage}), served by the Prometheus
 * client's HTTP server (the JDK's {@code jdk.httpserver}) on exactly the address given, one virtual thread ({@code
 * metrics-N}) per request. Read-only: every request reads the registry or watches supervision; nothing can be changed
 * through it. After each request, on its thread, the {@link HeapKeeper} collects the garbage scrapes leave in the old
 * generation once it has grown enough.
 */
public final class MetricsServer implements AutoCloseable {

    private final HTTPServer server;
    private final ExecutorService executor;

    private MetricsServer(HTTPServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Serves {@code /metrics} from {@code registry} and every other path through {@code pages} (the status page). */
    public static MetricsServer start(MetricsAddress address, PrometheusRegistry registry, HttpHandler pages)
            throws IOException {
        HeapKeeper keeper = HeapKeeper.real();
        ThreadFactory threads = Thread.ofVirtual().name("metrics-", 0).factory();
        // one thread per request: it serves the request, then checks the heap (the response is sent by then)
        ExecutorService executor =
                Executors.newThreadPerTaskExecutor(
                        request ->
                                threads.newThread(
                                        () -> {
                                            try {
                                                request.run();
                                            } finally {
                                                keeper.check();
                                            }
                                        }));
        try {
            HTTPServer server =
                    HTTPServer.builder()
                            .inetAddress(address.address())
                            .port(address.port())
                            .registry(registry)
                            .defaultHandler(pages)
                            .executorService(executor)
                            .buildAndStart();
            return new MetricsServer(server, executor);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw new IOException("metrics.listen=" + address + ": " + e.getMessage(), e);
        }
    }

    /** The port bound. */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
        executor.shutdownNow();
    }
}
