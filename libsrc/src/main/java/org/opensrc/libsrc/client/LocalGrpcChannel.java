package org.opensrc.libsrc.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * srcmstr's local Unix socket as a gRPC {@link Channel}, for the commands: unary calls over one HTTP/2 connection, made
 * on the calling thread ({@link UnaryCall}). It starts in a fraction of the time grpc-java's Netty channel takes (no
 * event loop, no native library, a few hundred classes) and reads the same statuses and trailers. A server-streaming
 * call ({@link #stream}) gets a connection of its own; unary calls from several threads are made one after another.
 */
final class LocalGrpcChannel extends Channel implements SrcClient.Connection {

    /** The largest reply message, as grpc-java's default: beyond it the call ends with RESOURCE_EXHAUSTED. */
    static final int MAX_MESSAGE = 4 << 20;

    /** The largest header list (trailers included) this client announces in its settings, as grpc-java does. */
    static final int MAX_HEADER_LIST = 8192;

    private final Path socket;
    private Http2Connection connection;

    LocalGrpcChannel(Path socket) {
        this.socket = socket;
    }

    @Override
    public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
        return new UnaryCall<>(this, method, options);
    }

    /**
     * A server-streaming call on a connection of its own ({@link LocalStreamingCall}); {@code firstWithin} bounds the
     * connecting and the wait for the first message, after which the stream waits as long as it lasts.
     */
    <Q, R> MessageStream<R> stream(MethodDescriptor<Q, R> method, Q request, Duration firstWithin) {
        return LocalStreamingCall.start(socket, method, request, firstWithin);
    }

    @Override
    public String authority() {
        return "localhost";
    }

    /**
     * The connection for the next call, made (connected, preface sent) if there is none or the last one failed or is
     * going away; {@code watchdog} bounds the connecting and the call.
     */
    Http2Connection connection(Watchdog watchdog) throws IOException {
        if (connection != null && !connection.open()) {
            discard();
        }
        if (connection == null) {
            connection = Http2Connection.open(socket, MAX_HEADER_LIST, watchdog);
        } else {
            connection.watchedBy(watchdog);
        }
        return connection;
    }

    /** Drops the current connection after a failure: the next call connects again. */
    void discard() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @Override
    public synchronized boolean answers(Duration within) {
        try (Watchdog watchdog = Watchdog.after(within.toNanos())) {
            connection(watchdog).awaitServerSettings();
            return true;
        } catch (IOException e) {
            discard();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        discard();
    }
}
