package org.opensrc.srcmstr.control;

import org.opensrc.libsrc.posix.PeerCredentials;
import org.opensrc.libsrc.posix.PosixException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;

import javax.net.ServerSocketFactory;

/**
 * The local socket as the {@link ServerSocket} grpc-okhttp's server accepts from: a JDK Unix {@link
 * ServerSocketChannel}. Each accepted connection, before any byte of it is read, has its peer identified (SO_PEERCRED
 * and SO_PEERGROUPS: pid, uid, gid, supplementary groups, as the kernel recorded them at connect time) and is admitted
 * under the {@link ConnectionLimits} or closed; an admitted one carries that identity as its {@link PeerAddress} and
 * gives its place back when it closes. The identity is never re-derived from the pid later.
 */
final class LocalServerSocket extends ServerSocket {

    private static final Logger LOG = LoggerFactory.getLogger(LocalServerSocket.class);

    private static final Duration ACCEPT_RETRY = Duration.ofSeconds(1);

    /** Every user may connect and list; changes are authorized per call (mode 0666). */
    private static final Set<PosixFilePermission> EVERYONE = PosixFilePermissions.fromString("rw-rw-rw-");

    private final ServerSocketChannel channel;
    private final ConnectionLimits limits;
    private final RefusalLog refusals;
    private SocketAddress bound;

    private LocalServerSocket(ConnectionLimits limits, RefusalLog refusals) throws IOException {
        this.channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        this.limits = limits;
        this.refusals = refusals;
    }

    /** A factory of one unbound local socket admitting under {@code limits}; gRPC binds it to a Unix address. */
    static ServerSocketFactory factory(ConnectionLimits limits, RefusalLog refusals) {
        ChannelFd.requireAccess();
        return new ServerSocketFactory() {
            @Override
            public ServerSocket createServerSocket() throws IOException {
                return new LocalServerSocket(limits, refusals);
            }

            @Override
            public ServerSocket createServerSocket(int port) {
                throw new UnsupportedOperationException("the local socket has no port");
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) {
                throw new UnsupportedOperationException("the local socket has no port");
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
                throw new UnsupportedOperationException("the local socket has no port");
            }
        };
    }

    @Override
    public void bind(SocketAddress endpoint) throws IOException {
        bind(endpoint, 0);
    }

    @Override
    public void bind(SocketAddress endpoint, int backlog) throws IOException {
        if (!(endpoint instanceof UnixDomainSocketAddress address)) {
            throw new SocketException("the local socket binds a Unix address, not " + endpoint);
        }
        // bound under a name of its own, opened to every user, then renamed into place: whoever finds the socket
        // file (a boot script waiting for it, a user's lssrc) may connect to it at once
        Path socket = address.getPath();
        Path staging = socket.resolveSibling(socket.getFileName() + ".new");
        Files.deleteIfExists(staging);
        channel.bind(UnixDomainSocketAddress.of(staging), backlog);
        Files.setPosixFilePermissions(staging, EVERYONE);
        Files.move(staging, socket, StandardCopyOption.ATOMIC_MOVE);
        bound = endpoint;
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return bound;
    }

    @Override
    public boolean isBound() {
        return bound != null;
    }

    @Override
    public boolean isClosed() {
        return !channel.isOpen();
    }

    /** The next connection that is identified and admitted; the others are closed here, unread. */
    @Override
    public Socket accept() throws IOException {
        while (true) {
            SocketChannel connection;
            try {
                connection = channel.accept();
            } catch (ClosedChannelException e) {
                throw e;
            } catch (IOException e) {
                // out of descriptors, most likely: grpc-okhttp stops serving when accept throws, so wait and retry
                LOG.warn("accepting on the local socket failed, again in a second: {}", e.getMessage());
                pause();
                continue;
            }
            Socket admitted = admit(connection);
            if (admitted != null) {
                return admitted;
            }
        }
    }

    private static void pause() throws InterruptedIOException {
        try {
            Thread.sleep(ACCEPT_RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while accepting");
        }
    }

    private Socket admit(SocketChannel connection) throws IOException {
        PeerCredentials peer;
        try {
            peer = PeerCredentials.of(ChannelFd.of(connection));
        } catch (PosixException e) {
            LOG.warn("closed a connection whose peer could not be identified: {}", e.getMessage());
            connection.close();
            return null;
        }
        var refusal = limits.admit(peer.uid());
        if (refusal.isPresent()) {
            refusals.refused(
                    peer.uid(),
                    "refused a connection of uid " + peer.uid() + " pid " + peer.pid() + ": " + refusal.get());
            connection.close();
            return null;
        }
        try {
            return new PeerSocket(connection, new PeerAddress(peer), bound, () -> limits.release(peer.uid()));
        } catch (IOException | RuntimeException e) {
            limits.release(peer.uid());
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "local socket " + bound;
    }
}
