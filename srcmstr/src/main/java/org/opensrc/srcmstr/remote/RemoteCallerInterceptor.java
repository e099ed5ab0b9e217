package org.opensrc.srcmstr.remote;

import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.opensrc.libsrc.SrcFailure;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.caller.Caller;
import org.opensrc.srcmstr.caller.CallerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;

/**
 * Admits a remote call only when the verified client certificate's CN is allow-listed, and then makes it {@link
 * Caller#current()}; every other call ends with PERMISSION_DENIED and 0513-027 before any service sees it.
 */
final class RemoteCallerInterceptor implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteCallerInterceptor.class);

    private final Set<String> allowList;

    RemoteCallerInterceptor(Set<String> allowList) {
        this.allowList = Set.copyOf(allowList);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Optional<String> identity = PeerIdentity.of(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
        if (identity.isEmpty() || !allowList.contains(identity.get())) {
            LOG.warn(
                    "remote request {} refused (0513-027): identity {} from {} is not allow-listed",
                    call.getMethodDescriptor().getFullMethodName(),
                    identity.orElse("(no single CN)"),
                    call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
            StatusRuntimeException refusal =
                    SrcFailure.of(Status.Code.PERMISSION_DENIED, SrcCode.SRC_CODE_INET_AUTHORIZED_HOST).toException();
            call.close(refusal.getStatus(), refusal.getTrailers());
            return new ServerCall.Listener<>() {};
        }
        return Contexts.interceptCall(CallerContext.with(Caller.remote(identity.get())), call, headers, next);
    }
}
