package org.opensrc.srcmstr.control;

import io.grpc.Attributes;
import io.grpc.netty.shaded.io.grpc.netty.GrpcHttp2ConnectionHandler;
import io.grpc.netty.shaded.io.grpc.netty.InternalProtocolNegotiationEvent;
import io.grpc.netty.shaded.io.grpc.netty.InternalProtocolNegotiator;
import io.grpc.netty.shaded.io.grpc.netty.InternalProtocolNegotiators;
import io.grpc.netty.shaded.io.grpc.netty.ProtocolNegotiationEvent;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandler;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.PeerCredentials;
import io.grpc.netty.shaded.io.netty.util.AsciiString;

/**
 * Puts the Unix-socket peer's credentials (SO_PEERCRED) into the transport attributes of
 * every call. grpc-java has no public API for this (grpc-java #2646), so this goes through
 * its Internal* classes; the grpc version is pinned and {@code CallerIdentityIT} covers it.
 */
final class PeerCredentialsNegotiator implements InternalProtocolNegotiator.ProtocolNegotiator {

    static final Attributes.Key<PeerCredentials> PEER_CREDENTIALS = Attributes.Key.create("opensrc.peercred");

    @Override
    public AsciiString scheme() {
        return AsciiString.of("http");
    }

    @Override
    public ChannelHandler newHandler(GrpcHttp2ConnectionHandler grpcHandler) {
        ChannelHandler next = InternalProtocolNegotiators.grpcNegotiationHandler(grpcHandler);
        return InternalProtocolNegotiators.waitUntilActiveHandler(new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
                if (evt instanceof ProtocolNegotiationEvent event) {
                    var attributes = InternalProtocolNegotiationEvent.getAttributes(event).toBuilder();
                    if (ctx.channel() instanceof EpollDomainSocketChannel channel) {
                        attributes.set(PEER_CREDENTIALS, channel.peerCredentials());
                    }
                    ctx.pipeline().replace(this, null, next);
                    ctx.fireUserEventTriggered(
                            InternalProtocolNegotiationEvent.withAttributes(event, attributes.build()));
                } else {
                    super.userEventTriggered(ctx, evt);
                }
            }
        }, grpcHandler.getNegotiationLogger());
    }

    @Override
    public void close() {}
}
