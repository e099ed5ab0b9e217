package org.opensrc.libsrc.client;

import io.grpc.okhttp.internal.framed.ErrorCode;
import io.grpc.okhttp.internal.framed.FrameReader;
import io.grpc.okhttp.internal.framed.FrameWriter;
import io.grpc.okhttp.internal.framed.Header;
import io.grpc.okhttp.internal.framed.HeadersMode;
import io.grpc.okhttp.internal.framed.Http2;
import io.grpc.okhttp.internal.framed.Settings;

import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import okio.Okio;

import org.opensrc.libsrc.posix.LocalSocket;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * One HTTP/2 connection (cleartext, prior knowledge) to a Unix socket, carrying one request at a time, on the calling
 * thread with blocking I/O. Frames and header blocks (HPACK) are read and written by the HTTP/2 codec of grpc-java's
 * OkHttp transport ({@code io.grpc.okhttp.internal.framed}), without its transport, threads or TLS; this class keeps
 * only the connection's state: settings, flow-control windows, streams. It never waits by itself: a caller bounds it by
 * closing it from another thread ({@link Watchdog}).
 *
 * <p>A duplex connection ({@link #openDuplex}) carries one bidirectional stream: one thread reads it ({@link
 * #nextMessage}) while others send on it ({@link #send}, {@link #halfClose}); a sender whose message does not fit the
 * server's window waits, on this object's monitor, until the reading thread has applied the server's WINDOW_UPDATE or
 * SETTINGS, or the stream or connection has ended. The windows and the stream's end are guarded by that monitor.
 *
 * <p>A duplex connection is a daemon's lasting link to srcmstr, and its socket is a {@link LocalSocket}: the JDK's Unix
 * socket channel would set up the JDK's security providers in the daemon (LocalSocket says why). The commands'
 * connections keep the JDK's channel: their AOT caches hold it, and linking the native calls would cost each command
 * start-up time.
 */
final class Http2Connection implements Closeable {

    /** What this side lets the server send before it reads anything: every reply fits. */
    private static final int RECEIVE_WINDOW = 64 << 20;

    private static final int DEFAULT_WINDOW = 65_535;

    private final ByteChannel socket;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final Frames frames = new Frames();
    private final boolean duplex;

    private int nextStream = 1;
    private long connectionSendWindow = DEFAULT_WINDOW;
    private int initialStreamWindow = DEFAULT_WINDOW;
    private long received;
    private boolean settingsSeen;
    private boolean goingAway;
    private IOException failedWrite;
    private Stream current;

    private Http2Connection(ByteChannel socket, boolean duplex) {
        this.socket = socket;
        this.duplex = duplex;
        this.reader = new Http2().newReader(Okio.buffer(Okio.source(Channels.newInputStream(socket))), true);
        this.writer = new Http2().newWriter(Okio.buffer(Okio.sink(Channels.newOutputStream(socket))), true);
    }

    /**
     * Connects to {@code path} and sends this side's preface: its settings (no push, a receive window every reply fits
     * in, header lists up to {@code maxHeaderList} bytes) and the matching connection window.
     */
    static Http2Connection open(Path path, int maxHeaderList, Watchdog watchdog) throws IOException {
        return open(path, maxHeaderList, RECEIVE_WINDOW, false, watchdog);
    }

    /**
     * Connects for one server-streaming call ({@link #begin}, {@link #nextMessage}): with HTTP/2's default receive
     * window, given back as messages are read, so a reader that stops reading stops the server after 64 KiB.
     */
    static Http2Connection openStreaming(Path path, int maxHeaderList, Watchdog watchdog) throws IOException {
        return open(path, maxHeaderList, DEFAULT_WINDOW, false, watchdog);
    }

    /**
     * Connects for one bidirectional-streaming call ({@link #beginDuplex}): read on one thread with {@link
     * #nextMessage}, as a server-streaming call is, written from any thread with {@link #send} and {@link #halfClose}.
     */
    static Http2Connection openDuplex(Path path, int maxHeaderList, Watchdog watchdog) throws IOException {
        return open(path, maxHeaderList, DEFAULT_WINDOW, true, watchdog);
    }

    private static Http2Connection open(
            Path path, int maxHeaderList, int receiveWindow, boolean duplex, Watchdog watchdog) throws IOException {
        ByteChannel socket =
                duplex
                        ? LocalSocket.connect(path, watchdog.timeLeft())
                        : SocketChannel.open(StandardProtocolFamily.UNIX);
        watchdog.watch(socket);
        try {
            if (socket instanceof SocketChannel channel) {
                channel.connect(UnixDomainSocketAddress.of(path));
            }
            var connection = new Http2Connection(socket, duplex);
            connection.sendPreface(maxHeaderList, receiveWindow);
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Watches this connection's socket: {@code watchdog} closes it at its deadline. */
    void watchedBy(Watchdog watchdog) {
        watchdog.watch(socket);
    }

    private void sendPreface(int maxHeaderList, int receiveWindow) throws IOException {
        writer.connectionPreface();
        writer.settings(
                new Settings()
                        .set(Settings.ENABLE_PUSH, 0, 0)
                        .set(Settings.INITIAL_WINDOW_SIZE, 0, receiveWindow)
                        .set(Settings.MAX_HEADER_LIST_SIZE, 0, maxHeaderList));
        if (receiveWindow > DEFAULT_WINDOW) {
            writer.windowUpdate(0, receiveWindow - DEFAULT_WINDOW);
        }
        writer.flush();
    }

    /** Reads until the server's own settings have arrived: the server speaks HTTP/2 and is serving this connection. */
    void awaitServerSettings() throws IOException {
        while (!settingsSeen) {
            readFrame();
        }
    }

    /** Whether a new request may go on this connection (the server has not said it is going away). */
    boolean open() {
        return socket.isOpen() && !goingAway;
    }

    /**
     * Sends one POST to {@code path} with {@code headers} (the pseudo-headers first) and {@code body}, and reads until
     * its stream ends.
     *
     * @param maxMessage the largest gRPC message the reply may declare ({@link MessageTooLarge} beyond)
     * @throws IOException when the connection fails or the server refuses the stream ({@link GoneAway}); the connection
     *     is then of no further use
     */
    Response exchange(List<Header> headers, byte[] body, int maxMessage) throws IOException {
        current = new Stream(nextStream, initialStreamWindow, maxMessage);
        nextStream += 2;
        try {
            writer.synStream(false, false, current.id, 0, headers);
            sendData(body, true);
            while (!current.done) {
                readFrame();
            }
            if (current.refusedBy != null) {
                throw new GoneAway(current.refusedBy);
            }
            if (received > 0) {
                writer.windowUpdate(0, received);
                writer.flush();
                received = 0;
            }
            return current.response();
        } finally {
            current = null;
        }
    }

    /**
     * Sends one POST, as {@link #exchange} does, for a server-streaming reply: read it with {@link #nextMessage}, then
     * {@link #end}. The connection carries nothing else.
     */
    void begin(List<Header> headers, byte[] body, int maxMessage) throws IOException {
        current = new Stream(nextStream, initialStreamWindow, maxMessage);
        nextStream += 2;
        writer.synStream(false, false, current.id, 0, headers);
        sendData(body, true);
    }

    /**
     * Opens the one stream of a duplex connection: sends its headers and nothing else; messages follow with {@link
     * #send}, the server's with {@link #nextMessage}.
     */
    void beginDuplex(List<Header> headers, int maxMessage) throws IOException {
        current = new Stream(nextStream, initialStreamWindow, maxMessage);
        nextStream += 2;
        writer.synStream(false, false, current.id, 0, headers);
        writer.flush();
    }

    /**
     * Sends one whole gRPC message (its 5-byte prefix included) on the duplex stream, in DATA frames the server's
     * windows allow, waiting for the windows to open when they are spent; returns early when the stream has ended.
     * Callers send one message at a time (the frames of two messages must not interleave).
     *
     * @throws IOException when the connection is closed or fails
     */
    void send(byte[] message) throws IOException {
        sendData(message, false);
    }

    /** Ends this side of the duplex stream (an empty DATA frame with END_STREAM); the server's side goes on. */
    void halfClose() throws IOException {
        writer.data(true, current.id, new Buffer(), 0);
        writer.flush();
    }

    /**
     * The next whole gRPC message of the stream begun (its 5-byte prefix included), reading frames as they arrive and
     * giving their bytes back to the server's send window; null once the stream has ended ({@link #end} says how).
     */
    byte[] nextMessage() throws IOException {
        while (true) {
            long buffered = current.body.size();
            if (buffered >= 5) {
                long length = current.declaredLength();
                if (buffered >= 5 + length) {
                    byte[] message = current.body.readByteArray(5 + length);
                    current.prefixChecked = false;
                    current.checkPrefix();
                    return message;
                }
            }
            if (current.done) {
                return null;
            }
            giveBack(); // a message larger than the window is read on: what it needs is held at most once
            readFrame();
        }
    }

    /** How the stream begun ended: its headers, what was left unread, trailers, reset. */
    Response end() throws IOException {
        if (current.refusedBy != null) {
            throw new GoneAway(current.refusedBy);
        }
        return current.response();
    }

    /** Gives what was read back to the connection's and the stream's windows, once it is half of the default. */
    private void giveBack() throws IOException {
        if (received >= DEFAULT_WINDOW / 2 && !current.done) {
            writer.windowUpdate(0, received);
            writer.windowUpdate(current.id, received);
            writer.flush();
            received = 0;
        }
    }

    private void sendData(byte[] body, boolean endStream) throws IOException {
        int offset = 0;
        do {
            int length;
            synchronized (this) {
                long allowed = Math.min(Math.min(connectionSendWindow, current.sendWindow), writer.maxDataLength());
                if (allowed <= 0 && body.length > offset) {
                    writer.flush();
                    awaitWindow();
                    if (current.done) {
                        return; // it answered (a refusal, the end) before reading the whole message
                    }
                    continue;
                }
                length = (int) Math.min(allowed, body.length - offset);
                connectionSendWindow -= length;
                current.sendWindow -= length;
            }
            boolean last = offset + length == body.length;
            var chunk = new Buffer().write(body, offset, length);
            writer.data(endStream && last, current.id, chunk, length);
            offset += length;
        } while (offset < body.length);
        writer.flush();
    }

    /**
     * Until the server's WINDOW_UPDATE or SETTINGS opens a window, or the stream ends: read here, or, on a duplex
     * connection, applied by the reading thread while this one waits. Holds this object's monitor.
     */
    private void awaitWindow() throws IOException {
        if (!duplex) {
            readFrame();
            return;
        }
        long windowBefore = Math.min(connectionSendWindow, current.sendWindow);
        while (!current.done && Math.min(connectionSendWindow, current.sendWindow) <= windowBefore) {
            if (!socket.isOpen()) {
                throw new EOFException("the connection to srcmstr is closed");
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for srcmstr's flow-control window");
            }
        }
    }

    private void readFrame() throws IOException {
        if (!reader.nextFrame(frames)) {
            throw new EOFException("srcmstr closed the connection");
        }
        if (failedWrite != null) {
            throw failedWrite;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a Unix socket cannot fail in a way that matters here
        }
        synchronized (this) {
            notifyAll(); // a sender waiting for a window sees the socket closed
        }
    }

    /**
     * What came back on one stream: the response headers (null if none came before the end), the body, the trailers
     * (null when the stream ended on a DATA frame), or the RST_STREAM error (null when not reset).
     */
    record Response(List<Header> headers, byte[] body, List<Header> trailers, ErrorCode reset) {}

    /** The server refused streams from the current one on (GOAWAY). */
    static final class GoneAway extends IOException {
        GoneAway(ErrorCode error) {
            super("srcmstr is going away (HTTP/2 GOAWAY, " + error + ")");
        }
    }

    /** The reply declares a gRPC message larger than the caller accepts. */
    static final class MessageTooLarge extends IOException {
        final long declared;

        MessageTooLarge(long declared) {
            super("reply message of " + declared + " bytes");
            this.declared = declared;
        }
    }

    private static final class Stream {
        final int id;
        final int maxMessage;
        final Buffer body = new Buffer();
        long sendWindow;
        boolean done;
        boolean prefixChecked;
        List<Header> headers;
        List<Header> trailers;
        ErrorCode reset;
        ErrorCode refusedBy;

        Stream(int id, int sendWindow, int maxMessage) {
            this.id = id;
            this.sendWindow = sendWindow;
            this.maxMessage = maxMessage;
        }

        long declaredLength() {
            long declared = body.getByte(1) & 0xffL;
            for (int i = 2; i < 5; i++) {
                declared = declared << 8 | body.getByte(i) & 0xff;
            }
            return declared;
        }

        void checkPrefix() throws MessageTooLarge {
            if (!prefixChecked && body.size() >= 5) {
                prefixChecked = true;
                long declared = declaredLength();
                if (declared > maxMessage) {
                    throw new MessageTooLarge(declared);
                }
            }
        }

        void headers(List<Header> block, boolean end) {
            if (headers == null) {
                headers = block;
                if (end) {
                    trailers = block; // trailers only: the status travels with the response headers
                }
            } else {
                trailers = block;
            }
            done |= end;
        }

        Response response() {
            return new Response(headers, body.readByteArray(), trailers, reset);
        }
    }

    /** What each frame read does to the connection and the current stream. */
    private final class Frames implements FrameReader.Handler {
        @Override
        public void data(boolean inFinished, int streamId, BufferedSource source, int length, int paddedLength)
                throws IOException {
            received += paddedLength;
            if (current != null && streamId == current.id) {
                source.readFully(current.body, length);
                current.checkPrefix();
                if (inFinished) {
                    ended();
                }
            } else {
                source.skip(length);
            }
        }

        @Override
        public void headers(
                boolean outFinished,
                boolean inFinished,
                int streamId,
                int associatedStreamId,
                List<Header> headerBlock,
                HeadersMode mode) {
            if (current != null && streamId == current.id) {
                synchronized (Http2Connection.this) {
                    current.headers(headerBlock, inFinished);
                    Http2Connection.this.notifyAll();
                }
            }
        }

        @Override
        public void rstStream(int streamId, ErrorCode errorCode) {
            if (current != null && streamId == current.id) {
                synchronized (Http2Connection.this) {
                    current.reset = errorCode;
                    ended();
                }
            }
        }

        @Override
        public void settings(boolean clearPrevious, Settings settings) {
            if (settings.isSet(Settings.INITIAL_WINDOW_SIZE)) {
                synchronized (Http2Connection.this) {
                    int window = settings.get(Settings.INITIAL_WINDOW_SIZE);
                    if (current != null) {
                        current.sendWindow += window - initialStreamWindow;
                    }
                    initialStreamWindow = window;
                    Http2Connection.this.notifyAll();
                }
            }
            try {
                writer.ackSettings(settings); // also takes the server's frame and header table sizes
                writer.flush();
            } catch (IOException e) {
                failedWrite = e;
            }
            settingsSeen = true;
        }

        @Override
        public void ackSettings() {}

        @Override
        public void ping(boolean ack, int payload1, int payload2) {
            if (!ack) {
                try {
                    writer.ping(true, payload1, payload2);
                    writer.flush();
                } catch (IOException e) {
                    failedWrite = e;
                }
            }
        }

        @Override
        public void goAway(int lastGoodStreamId, ErrorCode errorCode, ByteString debugData) {
            goingAway = true;
            if (current != null && current.id > lastGoodStreamId) {
                synchronized (Http2Connection.this) {
                    current.refusedBy = errorCode;
                    ended();
                }
            }
        }

        @Override
        public void windowUpdate(int streamId, long windowSizeIncrement) {
            synchronized (Http2Connection.this) {
                if (streamId == 0) {
                    connectionSendWindow += windowSizeIncrement;
                } else if (current != null && streamId == current.id) {
                    current.sendWindow += windowSizeIncrement;
                }
                Http2Connection.this.notifyAll();
            }
        }

        /** The current stream has ended (END_STREAM, reset, refused): a sender waiting for a window stops waiting. */
        private void ended() {
            synchronized (Http2Connection.this) {
                current.done = true;
                Http2Connection.this.notifyAll();
            }
        }

        @Override
        public void priority(int streamId, int streamDependency, int weight, boolean exclusive) {}

        @Override
        public void pushPromise(int streamId, int promisedStreamId, List<Header> requestHeaders) throws IOException {
            throw new IOException("HTTP/2 server push, which this client disabled");
        }

        @Override
        public void alternateService(
                int streamId, String origin, ByteString protocol, String host, int port, long maxAge) {}
    }
}
