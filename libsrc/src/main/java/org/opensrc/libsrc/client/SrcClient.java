package org.opensrc.libsrc.client;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.opensrc.libsrc.SrcPaths;
import org.opensrc.proto.v1.ControlGrpc;
import org.opensrc.proto.v1.DefinitionsGrpc;

/**
 * A connection from a command to srcmstr: gRPC over the local Unix socket. The channel is
 * made for one command run (one event-loop thread, direct executor); close it when done.
 */
public final class SrcClient implements AutoCloseable {

    private final EpollEventLoopGroup group;
    private final ManagedChannel channel;

    private SrcClient(EpollEventLoopGroup group, ManagedChannel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** A client for the srcmstr of {@code paths}' root. Connecting is lazy. */
    public static SrcClient local(SrcPaths paths) {
        return local(paths.controlSocket());
    }

    public static SrcClient local(Path socket) {
        var group = new EpollEventLoopGroup(1, Thread.ofPlatform().daemon().name("src-client").factory());
        ManagedChannel channel = NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
                .channelType(EpollDomainSocketChannel.class)
                .eventLoopGroup(group)
                .overrideAuthority("localhost")
                .usePlaintext()
                .directExecutor()
                .build();
        return new SrcClient(group, channel);
    }

    public ManagedChannel channel() {
        return channel;
    }

    public DefinitionsGrpc.DefinitionsBlockingStub definitions() {
        return DefinitionsGrpc.newBlockingStub(channel);
    }

    public ControlGrpc.ControlBlockingStub control() {
        return ControlGrpc.newBlockingStub(channel);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }
}
