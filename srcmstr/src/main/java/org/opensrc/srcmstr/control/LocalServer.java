package org.opensrc.srcmstr.control;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.InternalNettyServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * srcmstr's local listener: gRPC on a Unix socket (mode 0666: every user may connect and
 * list; changes are authorized per call from the peer's credentials).
 */
public final class LocalServer implements AutoCloseable {

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

    /** Binds {@code socket} (replacing a stale file) and starts serving {@code services}. */
    public static LocalServer start(Path socket, List<BindableService> services) {
        try {
            Files.createDirectories(socket.getParent());
            Files.deleteIfExists(socket);
            var boss = new EpollEventLoopGroup(1, Thread.ofPlatform().daemon().name("grpc-accept").factory());
            var workers = new EpollEventLoopGroup(1, Thread.ofPlatform().daemon().name("grpc-io").factory());
            var builder = NettyServerBuilder.forAddress(new DomainSocketAddress(socket.toString()),
                            InternalNettyServerCredentials.create(new PeerCredentialsNegotiator()))
                    .channelType(EpollServerDomainSocketChannel.class)
                    .bossEventLoopGroup(boss)
                    .workerEventLoopGroup(workers)
                    .executor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("grpc-call-", 0).factory()));
            CallerInterceptor interceptor = new CallerInterceptor();
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
