package org.opensrc.libsrc.client;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;

import org.opensrc.libsrc.SrcFailure;
import org.opensrc.libsrc.SrcPaths;
import org.opensrc.proto.v1.ControlGrpc;
import org.opensrc.proto.v1.DefinitionsGrpc;
import org.opensrc.proto.v1.SrcCode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A connection from a command to srcmstr: gRPC over the local Unix socket, or over TCP with mutual TLS to the srcmstr
 * -r of another host. The channel is made for one command run (one event-loop thread, direct executor); close it when
 * done. Every call has a deadline ({@link CommandTimeout}): a command never waits forever.
 */
public final class SrcClient implements AutoCloseable {

    /** How long a remote connection attempt may take before 0513-053. */
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    /** The timeout of a client made without one (tests): AIX's 60 s plus the margin. */
    private static final CommandTimeout DEFAULT_TIMEOUT =
            new CommandTimeout(Duration.ofSeconds(60).plus(CommandTimeout.MARGIN));

    private final Runnable release;
    private final ManagedChannel channel;
    private final Channel calls;
    private final CommandTimeout timeout;

    private SrcClient(Runnable release, ManagedChannel channel, Channel calls, CommandTimeout timeout) {
        this.release = release;
        this.channel = channel;
        this.calls = calls;
        this.timeout = timeout;
    }

    private SrcClient(EpollEventLoopGroup group, ManagedChannel channel, Channel calls, CommandTimeout timeout) {
        this(() -> group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS), channel, calls, timeout);
    }

    /** This client with every call bounded by {@code timeout}. */
    public SrcClient withTimeout(CommandTimeout timeout) {
        return new SrcClient(release, channel, calls, timeout);
    }

    /**
     * A client over a channel made elsewhere (an in-process server standing in for srcmstr); {@code release} runs after
     * the channel is closed.
     */
    public static SrcClient over(ManagedChannel channel, Runnable release) {
        return new SrcClient(release, channel, channel, DEFAULT_TIMEOUT);
    }

    /** A client for the srcmstr of {@code paths}' root. Connecting is lazy. */
    public static SrcClient local(SrcPaths paths) {
        return local(paths.controlSocket());
    }

    public static SrcClient local(Path socket) {
        var group = new EpollEventLoopGroup(1, Thread.ofPlatform().daemon().name("src-client").factory());
        ManagedChannel channel =
                NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
                        .channelType(EpollDomainSocketChannel.class)
                        .eventLoopGroup(group)
                        .overrideAuthority("localhost")
                        .usePlaintext()
                        .directExecutor()
                        .build();
        return new SrcClient(group, channel, channel, DEFAULT_TIMEOUT);
    }

    /**
     * A client for the srcmstr -r at {@code hostPort} ({@link RemoteHost#parse}), presenting the certificate in {@code
     * certDir} ({@link ClientCertificates}) over TLS 1.3 and trusting only servers signed by the CA in that folder.
     * Connecting is lazy; a call that cannot reach the server or whose handshake fails ends with 0513-053.
     *
     * @throws io.grpc.StatusRuntimeException carrying 0513-054 when the host name does not resolve, or 0513-053 when
     *     the certificate files cannot be read
     */
    public static SrcClient remote(String hostPort, Path certDir) {
        RemoteHost target;
        try {
            target = RemoteHost.parse(hostPort);
        } catch (IllegalArgumentException e) {
            throw SrcFailure.of(Status.Code.INVALID_ARGUMENT, SrcCode.SRC_CODE_UHOST, hostPort).toException();
        }
        try {
            InetAddress.getByName(target.host());
        } catch (UnknownHostException e) {
            throw SrcFailure.of(Status.Code.UNAVAILABLE, SrcCode.SRC_CODE_UHOST, target.host()).toException();
        }
        SslContext tls = clientTls(new ClientCertificates(certDir));
        var group = new EpollEventLoopGroup(1, Thread.ofPlatform().daemon().name("src-client").factory());
        ManagedChannel channel =
                NettyChannelBuilder.forAddress(target.host(), target.port())
                        .channelType(EpollSocketChannel.class)
                        .eventLoopGroup(group)
                        .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                        .sslContext(tls)
                        .directExecutor()
                        .build();
        return new SrcClient(
                group, channel, ClientInterceptors.intercept(channel, new RemoteFailures()), DEFAULT_TIMEOUT);
    }

    private static SslContext clientTls(ClientCertificates files) {
        try {
            return GrpcSslContexts.forClient()
                    .trustManager(files.authority().toFile())
                    .keyManager(files.certificate().toFile(), files.key().toFile())
                    .protocols("TLSv1.3")
                    .build();
        } catch (IOException | IllegalArgumentException e) {
            throw SrcFailure.of(Status.Code.UNAVAILABLE, SrcCode.SRC_CODE_SOCK).toException();
        }
    }

    /**
     * Whether a srcmstr answers behind this client's address: connects (as the first call would) and waits until the
     * connection is ready or has failed, at most the call timeout. False when nothing listens (no socket file,
     * connection refused) or when the one listening did not finish the connection in time.
     */
    public boolean answers() {
        ConnectivityState state = channel.getState(true);
        long deadline = System.nanoTime() + timeout.base().toNanos();
        while (state != ConnectivityState.READY) {
            if (state == ConnectivityState.TRANSIENT_FAILURE || state == ConnectivityState.SHUTDOWN) {
                return false;
            }
            CountDownLatch changed = new CountDownLatch(1);
            channel.notifyWhenStateChanged(state, changed::countDown);
            try {
                if (!changed.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            state = channel.getState(false);
        }
        return true;
    }

    public ManagedChannel channel() {
        return channel;
    }

    /** The definition calls, each ending with DEADLINE_EXCEEDED after the timeout. */
    public DefinitionsGrpc.DefinitionsBlockingStub definitions() {
        return DefinitionsGrpc.newBlockingStub(calls).withDeadlineAfter(timeout.base());
    }

    /** The control calls, each ending with DEADLINE_EXCEEDED after the timeout. */
    public ControlGrpc.ControlBlockingStub control() {
        return control(Duration.ZERO);
    }

    /** The control calls of a request that itself waits up to {@code wait} ({@code --wait}). */
    public ControlGrpc.ControlBlockingStub control(Duration wait) {
        return ControlGrpc.newBlockingStub(calls).withDeadlineAfter(timeout.forRequestWaiting(wait));
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        release.run();
    }
}
