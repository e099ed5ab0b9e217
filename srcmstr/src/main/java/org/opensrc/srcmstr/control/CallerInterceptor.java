package org.opensrc.srcmstr.control;

import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import org.opensrc.libsrc.SrcFailure;
import org.opensrc.libsrc.posix.PeerCredentials;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.caller.Caller;
import org.opensrc.srcmstr.caller.CallerContext;

/**
 * Makes the identity captured when the connection was accepted ({@link LocalServerSocket}: uid, gid and supplementary
 * groups as the kernel recorded them at connect time) available to handlers as {@link Caller#current()}, and logs
 * refused requests (0513-019), at most once per interval per uid.
 */
final class CallerInterceptor implements ServerInterceptor {

    private static final String INVALID_USER = Integer.toString(SrcCode.SRC_CODE_INVALID_USER.getNumber());

    private final RefusalLog refusals;

    CallerInterceptor(RefusalLog refusals) {
        this.refusals = refusals;
    }

    static Caller caller(PeerCredentials peer) {
        return peer == null ? Caller.UNKNOWN : Caller.local(peer.uid(), peer.pid(), peer.gids());
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Caller caller =
                caller(
                        call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR) instanceof PeerAddress peer
                                ? peer.credentials()
                                : null);
        String method = call.getMethodDescriptor().getBareMethodName();
        ServerCall<Q, R> watched =
                new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                    @Override
                    public void close(Status status, Metadata trailers) {
                        if (status.getCode() == Status.Code.PERMISSION_DENIED
                                && INVALID_USER.equals(trailers.get(SrcFailure.CODE_KEY))) {
                            refusals.refused(
                                    caller.uid(), "refused " + method + " of " + caller.describe() + ": 0513-019");
                        }
                        super.close(status, trailers);
                    }
                };
        return Contexts.interceptCall(CallerContext.with(caller), watched, headers, next);
    }
}
