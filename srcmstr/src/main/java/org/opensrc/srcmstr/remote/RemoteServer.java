package org.opensrc.srcmstr.remote;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.InternetProtocolFamily;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;

import org.opensrc.proto.v1.ControlGrpc;
import org.opensrc.proto.v1.DefinitionsGrpc;
import org.opensrc.srcmstr.control.ServerShutdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * srcmstr's remote listener ({@code srcmstr -r}): gRPC on TCP with mutual TLS 1.3. A client must present a certificate
 * signed by the site CA ({@link RemoteConfig#authority()}) and whose subject CN is allow-listed; only the Definitions
 * and Control services are served.
 */
public final class RemoteServer implements AutoCloseable {

    /** The services a remote caller may reach; the subsystem attach service stays local. */
    static final Set<String> REMOTE_SERVICES = Set.of(ControlGrpc.SERVICE_NAME, DefinitionsGrpc.SERVICE_NAME);

    private static final Logger LOG = LoggerFactory.getLogger(RemoteServer.class);

    private final Server server;
    private final EpollEventLoopGroup boss;
    private final EpollEventLoopGroup workers;

    private RemoteServer(Server server, EpollEventLoopGroup boss, EpollEventLoopGroup workers) {
        this.server = server;
        this.boss = boss;
        this.workers = workers;
    }

    /**
     * Listens on {@code config.bind()} and serves those of {@code services} that are remote services (Definitions,
     * Control); others in the list are left out.
     *
     * @throws IOException when the TLS files cannot be read or the port cannot be bound
     */
    public static RemoteServer start(RemoteConfig config, List<BindableService> services) throws IOException {
        SslContext tls = serverTls(config);
        var boss = new EpollEventLoopGroup(1, Thread.ofPlatform().daemon().name("remote-accept").factory());
        var workers = new EpollEventLoopGroup(1, Thread.ofPlatform().daemon().name("remote-io").factory());
        var builder =
                NettyServerBuilder.forAddress(config.bind())
                        .channelFactory(() -> new EpollServerSocketChannel(family(config.bind())))
                        .bossEventLoopGroup(boss)
                        .workerEventLoopGroup(workers)
                        .sslContext(tls)
                        .maxConnectionIdle(10, TimeUnit.MINUTES)
                        .executor(
                                Executors.newThreadPerTaskExecutor(
                                        Thread.ofVirtual().name("remote-call-", 0).factory()));
        var interceptor = new RemoteCallerInterceptor(config.allowList());
        for (BindableService service : services) {
            if (REMOTE_SERVICES.contains(service.bindService().getServiceDescriptor().getName())) {
                builder.addService(ServerInterceptors.intercept(service, interceptor));
            }
        }
        try {
            Server server = builder.build().start();
            LOG.info(
                    "remote requests accepted on {} (TLS, {} allow-listed identities)",
                    server.getListenSockets(),
                    config.allowList().size());
            return new RemoteServer(server, boss, workers);
        } catch (IOException e) {
            boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IOException("cannot listen for remote requests on " + config.bind() + ": " + e.getMessage(), e);
        }
    }

    /**
     * An IPv4 socket for an IPv4 address, so {@code 0.0.0.0} means every IPv4 address only (Netty's default IPv6 socket
     * would turn it into a dual-stack {@code [::]}); an IPv6 socket for an IPv6 address ({@code ::} is dual-stack, as
     * the kernel makes it).
     */
    static InternetProtocolFamily family(InetSocketAddress bind) {
        return bind.getAddress() instanceof Inet4Address ? InternetProtocolFamily.IPv4 : InternetProtocolFamily.IPv6;
    }

    private static SslContext serverTls(RemoteConfig config) throws IOException {
        try {
            return GrpcSslContexts.forServer(config.certificate().toFile(), config.key().toFile())
                    .trustManager(config.authority().toFile())
                    .clientAuth(ClientAuth.REQUIRE)
                    .protocols("TLSv1.3")
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    "cannot read the remote TLS files "
                            + config.certificate()
                            + ", "
                            + config.key()
                            + ", "
                            + config.authority()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The TCP port listened on (the chosen one when the configured port was 0). */
    public int port() {
        return ((InetSocketAddress) server.getListenSockets().getFirst()).getPort();
    }

    @Override
    public void close() {
        ServerShutdown.now(server);
        boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }
}
