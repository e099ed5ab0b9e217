package org.opensrc.srcmstr.control;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.InternalNettyServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;

import org.opensrc.libsrc.posix.Posix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * srcmstr's local listener: gRPC on a Unix socket (mode 0666: every user may connect and list; changes are authorized
 * per call from the peer's credentials, captured once when the connection is accepted). Connections, handshakes, idle
 * time and message sizes are bounded by {@link SocketLimits} so that root always gets through.
 */
public final class LocalServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);

    private final Server server;
    private final EpollEventLoopGroup boss;
    private final EpollEventLoopGroup workers;
    private final Path socket;

    private LocalServer(Server server, EpollEventLoopGroup boss, EpollEventLoopGroup workers, Path socket) {
        this.server = server;
        this.boss = boss;
        this.workers = workers;
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
        try {
            Files.createDirectories(socket.getParent());
            Files.deleteIfExists(socket);
            var boss = new EpollEventLoopGroup(1, Thread.ofPlatform().daemon().name("grpc-accept").factory());
            var workers = new EpollEventLoopGroup(1, Thread.ofPlatform().daemon().name("grpc-io").factory());
            RefusalLog refusals = new RefusalLog(InstantSource.system(), RefusalLog.INTERVAL, LOG::warn);
            var negotiator = new PeerCredentialsNegotiator(new ConnectionLimits(limits, exempt), refusals);
            var builder =
                    NettyServerBuilder.forAddress(
                                    new DomainSocketAddress(socket.toString()),
                                    InternalNettyServerCredentials.create(negotiator))
                            .channelType(EpollServerDomainSocketChannel.class)
                            .bossEventLoopGroup(boss)
                            .workerEventLoopGroup(workers)
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
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            return new LocalServer(server, boss, workers, socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + socket, e);
        }
    }

    @Override
    public void close() {
        ServerShutdown.now(server, boss, workers);
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // the socket file is recreated at the next start anyway
        }
    }
}
