package org.opensrc.srcmstr.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketImpl;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An accepted connection of the local socket as the {@link Socket} grpc-okhttp's server transport reads and writes: a
 * blocking JDK Unix {@link SocketChannel} (whose blocking reads park a virtual thread, not a carrier), its peer's
 * credentials as the remote address, and {@code onClose} run once when it is closed, however that happens.
 */
final class PeerSocket extends Socket {

    private final SocketChannel channel;
    private final PeerAddress peer;
    private final SocketAddress local;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final InputStream in = new In();
    private final OutputStream out = new Out();

    PeerSocket(SocketChannel channel, PeerAddress peer, SocketAddress local, Runnable onClose) throws IOException {
        super((SocketImpl) null);
        this.channel = channel;
        this.peer = peer;
        this.local = local;
        this.onClose = onClose;
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return peer;
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return local;
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    /** Nagle's algorithm does not apply to a Unix socket. */
    @Override
    public void setTcpNoDelay(boolean on) {}

    @Override
    public boolean getTcpNoDelay() {
        return true;
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            try {
                channel.close();
            } finally {
                onClose.run();
            }
        }
    }

    @Override
    public String toString() {
        return "local connection of " + peer + (local instanceof UnixDomainSocketAddress u ? " on " + u : "");
    }

    private final class In extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            return channel.read(ByteBuffer.wrap(b, off, len));
        }

        @Override
        public void close() throws IOException {
            PeerSocket.this.close();
        }
    }

    private final class Out extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        @Override
        public void close() throws IOException {
            PeerSocket.this.close();
        }
    }
}
