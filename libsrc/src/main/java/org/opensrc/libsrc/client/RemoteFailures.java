package org.opensrc.libsrc.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

import org.opensrc.libsrc.SrcFailure;
import org.opensrc.proto.v1.SrcCode;

/**
 * On a remote channel, a call that could not reach srcmstr (refused connection, failed TLS handshake, lost connection)
 * fails with 0513-053 rather than the local 0513-001.
 */
final class RemoteFailures implements ClientInterceptor {

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                super.start(
                        new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                            @Override
                            public void onClose(Status status, Metadata trailers) {
                                if (status.getCode() == Status.Code.UNAVAILABLE
                                        && trailers.get(SrcFailure.CODE_KEY) == null) {
                                    trailers.put(
                                            SrcFailure.CODE_KEY, Integer.toString(SrcCode.SRC_CODE_SOCK.getNumber()));
                                }
                                super.onClose(status, trailers);
                            }
                        },
                        headers);
            }
        };
    }
}
