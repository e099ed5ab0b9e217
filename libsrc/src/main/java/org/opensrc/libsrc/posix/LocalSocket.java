package org.opensrc.libsrc.posix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A connected Unix stream socket as a blocking {@link ByteChannel}, made and driven by this package's calls: a daemon's
 * link to srcmstr. The JDK's Unix socket channel would do, but the first one a JVM opens sets up the JDK's security
 * providers (a {@code SecureRandom} for the names of temporary sockets, which this socket never needs): about 1 MB of
 * an idle inetd's memory.
 *
 * <p>{@link #close()} may come from any thread: it shuts the socket down, which ends a read or write blocked on it with
 * {@link AsynchronousCloseException}, and the descriptor is closed when the last call using it has returned, so its
 * number is never reused under a call still running.
 */
public final class LocalSocket implements ByteChannel {

    /** The most one read takes: what a caller's buffer holds beyond it waits for the next read. */
    private static final int MAX_READ = 64 * 1024;

    private final int fd;
    private final Object lock = new Object();
    private int calls;
    private boolean closed;

    private LocalSocket(int fd) {
        this.fd = fd;
    }

    /**
     * Connects to the Unix socket at {@code path}.
     *
     * @param within bounds the wait for room in the listener's queue
     * @throws InterruptedByTimeoutException when that bound passed
     * @throws IOException when nothing listens there, or the socket could not be made
     */
    public static LocalSocket connect(Path path, Duration within) throws IOException {
        try {
            return new LocalSocket(Net.connectLocal(path, within));
        } catch (NetException e) {
            if (e.errno() == Libc.EAGAIN) {
                throw new InterruptedByTimeoutException();
            }
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        int n =
                transfer(
                        () -> {
                            int len = Math.min(dst.remaining(), MAX_READ);
                            if (!dst.hasArray()) {
                                byte[] bytes = new byte[len];
                                int read = Net.read(fd, bytes, 0, len);
                                dst.put(bytes, 0, read);
                                return read;
                            }
                            int read = Net.read(fd, dst.array(), dst.arrayOffset() + dst.position(), len);
                            dst.position(dst.position() + read);
                            return read;
                        });
        return n == 0 ? -1 : n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return transfer(
                () -> {
                    int len = src.remaining();
                    if (src.hasArray()) {
                        Net.write(fd, src.array(), src.arrayOffset() + src.position(), len);
                        src.position(src.position() + len);
                    } else {
                        byte[] bytes = new byte[len];
                        src.get(bytes);
                        Net.write(fd, bytes, 0, len);
                    }
                    return len;
                });
    }

    /** A read(2) or write(2) on the socket: its count. */
    @FunctionalInterface
    private interface Transfer {
        int run() throws NetException;
    }

    /**
     * Runs {@code transfer} unless the socket is closed, counted as a call using the descriptor; a failure or an end
     * caused by {@link #close()} from another thread is reported as that ({@link AsynchronousCloseException}).
     */
    private int transfer(Transfer transfer) throws IOException {
        begin();
        try {
            int n = transfer.run();
            throwIfClosed();
            return n;
        } catch (NetException e) {
            throwIfClosed();
            throw new IOException(e.getMessage(), e);
        } finally {
            end();
        }
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return !closed;
        }
    }

    /** Shuts the socket down and closes it; a read or write blocked on it ends. Closing twice does nothing. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            Net.shutdown(fd);
            if (calls == 0) {
                Net.close(fd);
            }
        }
    }

    private void begin() throws ClosedChannelException {
        synchronized (lock) {
            if (closed) {
                throw new ClosedChannelException();
            }
            calls++;
        }
    }

    private void end() {
        synchronized (lock) {
            if (--calls == 0 && closed) {
                Net.close(fd);
            }
        }
    }

    private void throwIfClosed() throws AsynchronousCloseException {
        if (!isOpen()) {
            throw new AsynchronousCloseException();
        }
    }
}
