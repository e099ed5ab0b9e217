package org.opensrc.libsrc.client;

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
import org.opensrc.proto.v1.SrcCode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * grpc-java's Netty channels: to another host's srcmstr -r over TCP with mutual TLS, and (for the conformance tests) to
 * the local socket. Kept apart from {@link SrcClient} so that a command on the local socket never loads Netty.
 */
public final class GrpcJavaChannels {

    /** How long a remote connection attempt may take before 0513-053. */
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private GrpcJavaChannels() {}

    static Managed local(Path socket) {
        return local(socket, "src-client");
    }

    /**
     * A plaintext channel to srcmstr's local socket, on an event loop of one thread named {@code threadName}: to
     * compare grpc-java's client with the lean one ({@link SrcClient#localOverGrpcJava}). Neither the commands nor a
     * subsystem's link ({@code SrcConnection}, {@link LocalBidiCall}) use it.
     */
    public static Managed local(Path socket, String threadName) {
        var group = new EpollEventLoopGroup(1, Thread.ofPlatform().daemon().name(threadName).factory());
        ManagedChannel channel =
                NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
                        .channelType(EpollDomainSocketChannel.class)
                        .eventLoopGroup(group)
                        .overrideAuthority("localhost")
                        .usePlaintext()
                        .directExecutor()
                        .build();
        return new Managed(channel, () -> group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS));
    }

    static Managed remote(RemoteHost target, Path certDir) {
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
        return new Managed(channel, () -> group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS));
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

    /** A grpc-java channel and what runs after it is closed (its event loop shut down). */
    public static final class Managed implements SrcClient.Connection {
        private final ManagedChannel channel;
        private final Runnable release;

        Managed(ManagedChannel channel, Runnable release) {
            this.channel = channel;
            this.release = release;
        }

        public ManagedChannel channel() {
            return channel;
        }

        @Override
        public boolean answers(Duration within) {
            ConnectivityState state = channel.getState(true);
            long deadline = System.nanoTime() + within.toNanos();
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
}
