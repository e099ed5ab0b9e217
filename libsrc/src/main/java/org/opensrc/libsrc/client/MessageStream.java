package org.opensrc.libsrc.client;

/** The replies of a server-streaming call, read one by one on the calling thread. */
public interface MessageStream<R> extends AutoCloseable {

    /**
     * The next message, waiting for it as long as it takes; null when the stream ended with status OK.
     *
     * @throws io.grpc.StatusRuntimeException when the stream ended otherwise (UNAVAILABLE when srcmstr went away,
     *     CANCELLED after {@link #close}, DEADLINE_EXCEEDED when the first message did not come in time), with the
     *     trailers as metadata
     */
    R next();

    /** Ends the call; any thread (a signal handler): a {@link #next} blocked in it ends with CANCELLED. */
    @Override
    void close();
}
