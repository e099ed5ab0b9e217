package org.opensrc.srcmstr.metrics;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.prometheus.metrics.exporter.httpserver.HealthyHandler;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * {@code /metrics} in the Prometheus text format (the Prometheus client's handler), {@code /-/healthy}, and the status
 * page ({@link StatusPage}), served by the JDK's HTTP server ({@code jdk.httpserver}) on exactly the address given, one
 * virtual thread ({@code metrics-N}) per request. Read-only: every request reads the registry or watches supervision;
 * nothing can be changed through it. After each request, on its thread, the {@link HeapKeeper} collects the garbage
 * scrapes leave in the old generation once it has grown enough.
 *
 * <p>Whoever can reach the port can connect, so the listener is bounded like the control socket: it keeps at most
 * {@link #MAX_CONNECTIONS} connections open (more are closed as they are accepted: a flood costs srcmstr no more
 * descriptors than that), a client has {@link #REQUEST_SECONDS} seconds to send a whole request, and its headers are
 * refused past {@link #MAX_HEADER_BYTES} (the JDK's own limit is 380 KB per connection). An open {@code /events} stream
 * is an answer, not a request: it is not cut. Connections not yet accepted queue up to {@link #BACKLOG} (the Prometheus
 * client's own server asks the kernel for 3, past which a burst of connections, a browser's or a few scrapers', waits
 * for TCP's retransmission, a second or more).
 */
public final class MetricsServer implements AutoCloseable {

    /** The most connections kept open at once: scrapers and status pages need a few each. */
    public static final int MAX_CONNECTIONS = 64;

    /** The seconds a client has to send its request. */
    public static final int REQUEST_SECONDS = 10;

    /** The most bytes of request headers read: a scrape or a browser sends a few hundred. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    /** The connections the kernel queues until srcmstr accepts them. */
    public static final int BACKLOG = MAX_CONNECTIONS;

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves {@code /metrics} from {@code registry}, {@code /-/healthy}, and every other path through {@code pages}
     * (the status page).
     */
    public static MetricsServer start(MetricsAddress address, PrometheusRegistry registry, HttpHandler pages)
            throws IOException {
        limitConnections();
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
            HttpServer server = HttpServer.create(new InetSocketAddress(address.address(), address.port()), BACKLOG);
            server.setExecutor(executor);
            server.createContext("/", pages);
            server.createContext("/metrics", new MetricsHandler(registry));
            server.createContext("/-/healthy", new HealthyHandler());
            server.start();
            return new MetricsServer(server, executor);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw new IOException("metrics.listen=" + address + ": " + e.getMessage(), e);
        }
    }

    /**
     * The JDK's HTTP server reads its limits from system properties once, when its first server is made; srcmstr has no
     * other HTTP server.
     */
    private static void limitConnections() {
        System.setProperty("jdk.httpserver.maxConnections", Integer.toString(MAX_CONNECTIONS));
        System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        System.setProperty("sun.net.httpserver.maxReqHeaderSize", Integer.toString(MAX_HEADER_BYTES));
    }

    /** The port bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
