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

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written HTTP/2 server on a Unix socket for the lean client's tests: the test thread accepts a connection and
 * plays srcmstr's side frame by frame with the same codec ({@code io.grpc.okhttp.internal.framed}), blocking on each
 * frame it expects.
 */
public final class FakeHttp2Server implements AutoCloseable {

    private final Path path;
    private final ServerSocketChannel server;

    public FakeHttp2Server(Path directory) throws IOException {
        this.path = directory.resolve("fake.sock");
        Files.deleteIfExists(path);
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
    }

    public Path path() {
        return path;
    }

    /** Accepts the next connection and reads the client's preface (the magic string; its SETTINGS come as a frame). */
    public Peer accept() throws IOException {
        return new Peer(server.accept());
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(path);
    }

    /** A frame the client sent. */
    public sealed interface Frame {}

    public record Data(int stream, byte[] bytes, boolean end) implements Frame {}

    public record Headers(int stream, List<Header> block, boolean end) implements Frame {
        public String value(String name) {
            return UnaryCall.value(block, name);
        }
    }

    public record SettingsFrame(Settings settings) implements Frame {}

    public record SettingsAck() implements Frame {}

    public record WindowUpdate(int stream, long increment) implements Frame {}

    public record Reset(int stream, ErrorCode error) implements Frame {}

    public record Other(String what) implements Frame {}

    /** One accepted connection, played by the test thread. */
    public static final class Peer implements AutoCloseable {
        private final SocketChannel socket;
        private final FrameReader reader;
        private final FrameWriter writer;
        private final List<Frame> read = new ArrayList<>();

        Peer(SocketChannel socket) throws IOException {
            this.socket = socket;
            this.reader = new Http2().newReader(Okio.buffer(Okio.source(Channels.newInputStream(socket))), false);
            this.writer = new Http2().newWriter(Okio.buffer(Okio.sink(Channels.newOutputStream(socket))), false);
            reader.readConnectionPreface();
        }

        /** Sends this server's SETTINGS. */
        public void settings(Settings settings) throws IOException {
            writer.settings(settings);
            writer.flush();
        }

        /** The next frame from the client, whatever it is. */
        public Frame next() throws IOException {
            while (read.isEmpty()) {
                if (!reader.nextFrame(new Recorder())) {
                    throw new EOFException("the client closed the connection");
                }
            }
            return read.removeFirst();
        }

        /** Reads past other frames (settings, acknowledgements, window updates) to the next frame of {@code type}. */
        public <F extends Frame> F next(Class<F> type) throws IOException {
            while (true) {
                Frame frame = next();
                if (type.isInstance(frame)) {
                    return type.cast(frame);
                }
            }
        }

        /** Reads until the client's side has ended: true if it did (EOF or END_STREAM), reading through its frames. */
        public boolean awaitClosedByClient() {
            try {
                while (true) {
                    if (next() instanceof Data data && data.end()) {
                        return true;
                    }
                }
            } catch (IOException e) {
                return true;
            }
        }

        public void headers(int stream, List<Header> block, boolean end) throws IOException {
            writer.synReply(end, stream, block);
            writer.flush();
        }

        /** The usual gRPC response headers: status 200, gRPC content. */
        public void responseHeaders(int stream) throws IOException {
            headers(
                    stream,
                    List.of(new Header(Header.RESPONSE_STATUS, "200"), new Header("content-type", "application/grpc")),
                    false);
        }

        /** Trailers with {@code grpc-status}, ending the stream. */
        public void trailers(int stream, int grpcStatus) throws IOException {
            headers(stream, List.of(new Header("grpc-status", Integer.toString(grpcStatus))), true);
        }

        /** {@code bytes} in DATA frames of at most {@code frameSize} bytes. */
        public void data(int stream, byte[] bytes, int frameSize, boolean end) throws IOException {
            int offset = 0;
            do {
                int length = Math.min(frameSize, bytes.length - offset);
                writer.data(
                        end && offset + length == bytes.length,
                        stream,
                        new Buffer().write(bytes, offset, length),
                        length);
                offset += length;
            } while (offset < bytes.length);
            writer.flush();
        }

        public void windowUpdate(int stream, long increment) throws IOException {
            writer.windowUpdate(stream, increment);
            writer.flush();
        }

        public void goAway(int lastGoodStream, ErrorCode error) throws IOException {
            writer.goAway(lastGoodStream, error, new byte[0]);
            writer.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        private final class Recorder implements FrameReader.Handler {
            @Override
            public void data(boolean inFinished, int streamId, BufferedSource source, int length, int paddedLength)
                    throws IOException {
                read.add(new Data(streamId, source.readByteArray(length), inFinished));
            }

            @Override
            public void headers(
                    boolean outFinished,
                    boolean inFinished,
                    int streamId,
                    int associatedStreamId,
                    List<Header> headerBlock,
                    HeadersMode mode) {
                read.add(new Headers(streamId, headerBlock, inFinished));
            }

            @Override
            public void rstStream(int streamId, ErrorCode errorCode) {
                read.add(new Reset(streamId, errorCode));
            }

            @Override
            public void settings(boolean clearPrevious, Settings settings) {
                try {
                    writer.ackSettings(settings);
                    writer.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                read.add(new SettingsFrame(settings));
            }

            @Override
            public void ackSettings() {
                read.add(new SettingsAck());
            }

            @Override
            public void ping(boolean ack, int payload1, int payload2) {
                read.add(new Other("ping"));
            }

            @Override
            public void goAway(int lastGoodStreamId, ErrorCode errorCode, ByteString debugData) {
                read.add(new Other("goaway"));
            }

            @Override
            public void windowUpdate(int streamId, long windowSizeIncrement) {
                read.add(new WindowUpdate(streamId, windowSizeIncrement));
            }

            @Override
            public void priority(int streamId, int streamDependency, int weight, boolean exclusive) {}

            @Override
            public void pushPromise(int streamId, int promisedStreamId, List<Header> requestHeaders) {
                read.add(new Other("push"));
            }

            @Override
            public void alternateService(
                    int streamId, String origin, ByteString protocol, String host, int port, long maxAge) {}
        }
    }
}
