package org.opensrc.libsrc.client;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.okhttp.internal.framed.Header;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One server-streaming gRPC call to the local socket, on a connection of its own ({@link
 * Http2Connection#openStreaming}), read on the calling thread as the messages arrive. The connecting and the first
 * message are bounded by a {@link Watchdog}; after that the stream lasts as long as the server sends. The end is read
 * as {@link UnaryCall} reads a reply: the status and trailers, a reset, a non-200 HTTP status; a connection that breaks
 * is UNAVAILABLE.
 */
final class LocalStreamingCall<Q, R> implements MessageStream<R> {

    private final MethodDescriptor<Q, R> method;
    private final Http2Connection connection;
    private final Watchdog watchdog;
    private volatile boolean closed;
    private boolean ended;
    private boolean first = true;

    private LocalStreamingCall(MethodDescriptor<Q, R> method, Http2Connection connection, Watchdog watchdog) {
        this.method = method;
        this.connection = connection;
        this.watchdog = watchdog;
    }

    /**
     * The replies of a call already begun on {@code connection} (a duplex one, {@link LocalBidiCall}); {@code watchdog}
     * bounded its connecting and is closed by the first message.
     */
    static <Q, R> LocalStreamingCall<Q, R> over(
            MethodDescriptor<Q, R> method, Http2Connection connection, Watchdog watchdog) {
        return new LocalStreamingCall<>(method, connection, watchdog);
    }

    static <Q, R> LocalStreamingCall<Q, R> start(
            Path socket, MethodDescriptor<Q, R> method, Q request, Duration firstWithin) {
        Watchdog watchdog = Watchdog.after(firstWithin.toNanos());
        Http2Connection connection = null;
        try {
            connection = Http2Connection.openStreaming(socket, LocalGrpcChannel.MAX_HEADER_LIST, watchdog);
            connection.begin(headers(method), UnaryCall.framed(method, request), LocalGrpcChannel.MAX_MESSAGE);
            return new LocalStreamingCall<>(method, connection, watchdog);
        } catch (IOException e) {
            watchdog.close();
            if (connection != null) {
                connection.close();
            }
            throw (watchdog.fired() ? Status.DEADLINE_EXCEEDED : unavailable(e)).asRuntimeException();
        }
    }

    @Override
    public R next() {
        if (ended) {
            return null;
        }
        byte[] message;
        try {
            message = connection.nextMessage();
        } catch (IOException e) {
            ended = true;
            watchdog.close();
            connection.close();
            if (closed) {
                throw Status.CANCELLED.withDescription("the call was closed").asRuntimeException();
            }
            throw (first && watchdog.fired() ? Status.DEADLINE_EXCEEDED : unavailable(e)).asRuntimeException();
        }
        if (first) {
            first = false;
            watchdog.close();
        }
        if (message == null) {
            ended = true;
            finish();
            return null;
        }
        if (message[0] != 0) {
            close();
            throw Status.INTERNAL
                    .withDescription("Can't decode compressed gRPC message as compression not configured")
                    .asRuntimeException();
        }
        try {
            return method.parseResponse(new ByteArrayInputStream(message, 5, message.length - 5));
        } catch (RuntimeException e) {
            close();
            throw Status.INTERNAL.withDescription("Failed to read message.").withCause(e).asRuntimeException();
        }
    }

    /** Reads how the stream ended: returns for OK, else throws its status. */
    private void finish() {
        Http2Connection.Response response;
        try {
            response = connection.end();
        } catch (IOException e) {
            throw unavailable(e).asRuntimeException();
        } finally {
            connection.close();
        }
        if (response.reset() != null) {
            throw UnaryCall.resetStatus(response.reset()).asRuntimeException();
        }
        List<Header> head = response.headers();
        String httpStatus = head == null ? null : UnaryCall.value(head, ":status");
        if (httpStatus != null && !httpStatus.equals("200")) {
            throw UnaryCall.httpStatus(httpStatus).asRuntimeException(UnaryCall.metadata(response.trailers()));
        }
        if (response.trailers() == null) {
            throw Status.INTERNAL
                    .withDescription("Received unexpected EOS on DATA frame from server.")
                    .asRuntimeException();
        }
        Status status = UnaryCall.status(response.trailers());
        if (!status.isOk()) {
            throw new StatusRuntimeException(status, UnaryCall.metadata(response.trailers()));
        }
    }

    @Override
    public void close() {
        closed = true;
        watchdog.close();
        connection.close();
    }

    static Status unavailable(IOException e) {
        return Status.UNAVAILABLE.withDescription("srcmstr closed the connection").withCause(e);
    }

    static List<Header> headers(MethodDescriptor<?, ?> method) {
        return List.of(
                new Header(Header.TARGET_METHOD, "POST"),
                new Header(Header.TARGET_SCHEME, "http"),
                new Header(Header.TARGET_PATH, "/" + method.getFullMethodName()),
                new Header(Header.TARGET_AUTHORITY, "localhost"),
                new Header("content-type", "application/grpc"),
                new Header("te", "trailers"));
    }
}
