package org.opensrc.libsrc.client;

import io.grpc.MethodDescriptor;
import io.grpc.Status;

import java.io.IOException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One bidirectional-streaming gRPC call to srcmstr's local socket over the lean HTTP/2 client (no Netty), on a
 * connection of its own ({@link Http2Connection#openDuplex}): one thread reads the server's messages with {@link #next}
 * as they arrive (read as {@link LocalStreamingCall} reads them, giving the bytes back to the server's window), any
 * thread sends with {@link #send}, one message at a time, within the server's flow-control windows. It is for a
 * subsystem's link to srcmstr (the Attach stream of {@code SrcConnection}).
 */
public final class LocalBidiCall<Q, R> implements MessageStream<R> {

    private final MethodDescriptor<Q, R> method;
    private final Http2Connection connection;
    private final LocalStreamingCall<Q, R> replies;

    private LocalBidiCall(MethodDescriptor<Q, R> method, Http2Connection connection, Watchdog watchdog) {
        this.method = method;
        this.connection = connection;
        this.replies = LocalStreamingCall.over(method, connection, watchdog);
    }

    /**
     * Connects to {@code socket} and opens the call's stream (its headers sent, no message yet).
     *
     * @param connectWithin bounds the connecting
     * @throws io.grpc.StatusRuntimeException UNAVAILABLE when srcmstr is not there, DEADLINE_EXCEEDED when the
     *     connecting took longer than {@code connectWithin} (a full listen queue, or a server that does not answer)
     */
    public static <Q, R> LocalBidiCall<Q, R> start(Path socket, MethodDescriptor<Q, R> method, Duration connectWithin) {
        Watchdog watchdog = Watchdog.after(connectWithin.toNanos());
        Http2Connection connection = null;
        try {
            connection = Http2Connection.openDuplex(socket, LocalGrpcChannel.MAX_HEADER_LIST, watchdog);
            connection.beginDuplex(LocalStreamingCall.headers(method), LocalGrpcChannel.MAX_MESSAGE);
            watchdog.close();
            return new LocalBidiCall<>(method, connection, watchdog);
        } catch (IOException e) {
            watchdog.close();
            if (connection != null) {
                connection.close();
            }
            boolean late = watchdog.fired() || e instanceof InterruptedByTimeoutException;
            throw (late ? Status.DEADLINE_EXCEEDED : LocalStreamingCall.unavailable(e)).asRuntimeException();
        }
    }

    /**
     * Sends one message; waits while the server's windows are spent. A message sent after the server ended the call is
     * dropped.
     *
     * @throws io.grpc.StatusRuntimeException UNAVAILABLE when the connection is closed or fails
     */
    public synchronized void send(Q message) {
        try {
            connection.send(UnaryCall.framed(method, message));
        } catch (IOException e) {
            throw LocalStreamingCall.unavailable(e).asRuntimeException();
        }
    }

    /**
     * Ends this side of the call: the server reads the end of its requests and ends the call when it has answered.
     *
     * @throws io.grpc.StatusRuntimeException UNAVAILABLE when the connection is closed or fails
     */
    public synchronized void halfClose() {
        try {
            connection.halfClose();
        } catch (IOException e) {
            throw LocalStreamingCall.unavailable(e).asRuntimeException();
        }
    }

    @Override
    public R next() {
        return replies.next();
    }

    @Override
    public void close() {
        replies.close();
    }
}
