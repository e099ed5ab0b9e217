package org.opensrc.srcmstr.control;

import org.opensrc.libsrc.posix.PeerCredentials;

import java.io.Serial;
import java.net.SocketAddress;

/**
 * The remote address of a connection to the local socket: who connected, as the kernel recorded it at {@code
 * connect(2)} and {@link LocalServerSocket} read it when it accepted the connection. gRPC puts it into every call's
 * transport attributes ({@code Grpc.TRANSPORT_ATTR_REMOTE_ADDR}), where {@link CallerInterceptor} reads it.
 */
final class PeerAddress extends SocketAddress {

    @Serial private static final long serialVersionUID = 1L;

    private final transient PeerCredentials credentials;

    PeerAddress(PeerCredentials credentials) {
        this.credentials = credentials;
    }

    PeerCredentials credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "uid " + credentials.uid() + " pid " + credentials.pid();
    }
}
