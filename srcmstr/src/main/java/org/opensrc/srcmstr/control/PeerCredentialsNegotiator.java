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
import io.grpc.netty.shaded.io.netty.util.AsciiString;

import org.opensrc.libsrc.posix.PeerCredentials;
import org.opensrc.libsrc.posix.PosixException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once per accepted connection of the local socket, before any byte of it is read: captures the peer's identity as
 * the kernel recorded it at connect time (SO_PEERCRED and SO_PEERGROUPS: pid, uid, gid, supplementary groups), admits
 * the connection under the {@link ConnectionLimits} or closes it, and puts the identity into the transport attributes
 * of every call on it. That identity is never re-derived from the pid later. grpc-java has no public API for this
 * (grpc-java #2646), so this goes through its Internal* classes; the grpc version is pinned and {@code HostileSocketIT}
 * covers it.
 */
final class PeerCredentialsNegotiator implements InternalProtocolNegotiator.ProtocolNegotiator {

    private static final Logger LOG = LoggerFactory.getLogger(PeerCredentialsNegotiator.class);

    static final Attributes.Key<PeerCredentials> PEER_CREDENTIALS = Attributes.Key.create("opensrc.peercred");

    private final ConnectionLimits limits;
    private final RefusalLog refusals;

    PeerCredentialsNegotiator(ConnectionLimits limits, RefusalLog refusals) {
        this.limits = limits;
        this.refusals = refusals;
    }

    @Override
    public AsciiString scheme() {
        return AsciiString.of("http");
    }

    @Override
    public ChannelHandler newHandler(GrpcHttp2ConnectionHandler grpcHandler) {
        ChannelHandler next = InternalProtocolNegotiators.grpcNegotiationHandler(grpcHandler);
        return InternalProtocolNegotiators.waitUntilActiveHandler(
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
                        if (!(evt instanceof ProtocolNegotiationEvent event)) {
                            super.userEventTriggered(ctx, evt);
                            return;
                        }
                        if (!(ctx.channel() instanceof EpollDomainSocketChannel channel)) {
                            ctx.close();
                            return;
                        }
                        PeerCredentials peer;
                        try {
                            peer = PeerCredentials.of(channel.fd().intValue());
                        } catch (PosixException e) {
                            LOG.warn("closed a connection whose peer could not be identified: {}", e.getMessage());
                            ctx.close();
                            return;
                        }
                        var refusal = limits.admit(peer.uid());
                        if (refusal.isPresent()) {
                            refusals.refused(
                                    peer.uid(),
                                    "refused a connection of uid "
                                            + peer.uid()
                                            + " pid "
                                            + peer.pid()
                                            + ": "
                                            + refusal.get());
                            ctx.close();
                            return;
                        }
                        ctx.channel().closeFuture().addListener(closed -> limits.release(peer.uid()));
                        var attributes =
                                InternalProtocolNegotiationEvent.getAttributes(event).toBuilder()
                                        .set(PEER_CREDENTIALS, peer);
                        ctx.pipeline().replace(this, null, next);
                        ctx.fireUserEventTriggered(
                                InternalProtocolNegotiationEvent.withAttributes(event, attributes.build()));
                    }
                },
                grpcHandler.getNegotiationLogger());
    }

    @Override
    public void close() {}
}
