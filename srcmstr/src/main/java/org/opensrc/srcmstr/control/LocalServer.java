package org.opensrc.srcmstr.control;

import io.grpc.BindableService;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.okhttp.OkHttpServerBuilder;

import org.opensrc.libsrc.posix.Posix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * srcmstr's local listener: gRPC on a Unix socket (mode 0666: every user may connect and list; changes are authorized
 * per call from the peer's credentials, captured once when the connection is accepted, {@link LocalServerSocket}).
 * Connections, handshakes, idle time and message sizes are bounded by {@link SocketLimits} so that root always gets
 * through. The HTTP/2 server is grpc-okhttp's, on JDK Unix socket channels read and written by virtual threads: one
 * accepts, one reads each connection, and the writes and the calls run on short-lived ones.
 */
public final class LocalServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);

    private final Server server;
    private final ExecutorService transport;
    private final Path socket;

    private LocalServer(Server server, ExecutorService transport, Path socket) {
        this.server = server;
        this.transport = transport;
        this.socket = socket;
    }

    /** {@link #start(Path, List, SocketLimits, Set)} with the default limits; root and this process's uid exempt. */
    public static LocalServer start(Path socket, List<? extends BindableService> services) {
        return start(socket, services, SocketLimits.DEFAULTS, Set.copyOf(List.of(0, Posix.geteuid())));
    }

    /**
     * Binds {@code socket} (replacing a stale file) and starts serving {@code services} under {@code limits}; uids in
     * {@code exempt} (root and srcmstr's own) are never refused a connection.
     */
    public static LocalServer start(
            Path socket, List<? extends BindableService> services, SocketLimits limits, Set<Integer> exempt) {
        ExecutorService transport =
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("grpc-io-", 0).factory());
        try {
            Files.createDirectories(socket.getParent());
            RefusalLog refusals = new RefusalLog(InstantSource.system(), RefusalLog.INTERVAL, LOG::warn);
            var builder =
                    OkHttpServerBuilder.forPort(UnixDomainSocketAddress.of(socket), InsecureServerCredentials.create())
                            .socketFactory(LocalServerSocket.factory(new ConnectionLimits(limits, exempt), refusals))
                            .transportExecutor(transport)
                            .executor(
                                    Executors.newThreadPerTaskExecutor(
                                            Thread.ofVirtual().name("grpc-call-", 0).factory()))
                            .handshakeTimeout(limits.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .maxConnectionIdle(limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .maxInboundMessageSize(SocketLimits.MAX_MESSAGE_BYTES)
                            .maxInboundMetadataSize(SocketLimits.MAX_METADATA_BYTES)
                            .maxConcurrentCallsPerConnection(SocketLimits.MAX_CALLS_PER_CONNECTION)
                            .flowControlWindow(SocketLimits.MAX_MESSAGE_BYTES);
            CallerInterceptor interceptor = new CallerInterceptor(refusals);
            for (BindableService service : services) {
                builder.addService(ServerInterceptors.intercept(service, interceptor));
            }
            Server server = builder.build().start();
            return new LocalServer(server, transport, socket);
        } catch (IOException e) {
            transport.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + socket, e);
        }
    }

    @Override
    public void close() {
        ServerShutdown.now(server);
        transport.shutdownNow();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // the socket file is recreated at the next start anyway
        }
    }
}
