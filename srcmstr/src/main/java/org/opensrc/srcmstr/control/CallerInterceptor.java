package org.opensrc.srcmstr.control;

import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Arrays;

/** Makes the peer's credentials available to handlers as {@link Caller#current()}. */
final class CallerInterceptor implements ServerInterceptor {

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        var credentials = call.getAttributes().get(PeerCredentialsNegotiator.PEER_CREDENTIALS);
        Caller caller = credentials == null
                ? Caller.UNKNOWN
                : Caller.local(credentials.uid(), credentials.pid(),
                        Arrays.stream(credentials.gids()).boxed().toList());
        return Contexts.interceptCall(io.grpc.Context.current().withValue(Caller.KEY, caller), call, headers, next);
    }
}
