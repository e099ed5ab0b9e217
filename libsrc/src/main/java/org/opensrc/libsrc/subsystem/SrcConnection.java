package org.opensrc.libsrc.subsystem;

import io.grpc.StatusRuntimeException;

import org.opensrc.libsrc.client.LocalBidiCall;
import org.opensrc.proto.v1.Hello;
import org.opensrc.proto.v1.Ready;
import org.opensrc.proto.v1.SubsystemGrpc;
import org.opensrc.proto.v1.SubsystemMessage;
import org.opensrc.proto.v1.SubsystemReply;
import org.opensrc.proto.v1.SubsystemRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A daemon's live link to srcmstr: an Attach stream on srcmstr's Unix socket, answered by an {@link SrcHandler}. The
 * stream is a {@link LocalBidiCall} (gRPC over HTTP/2 on a JDK socket channel, no Netty). It runs on its own daemon
 * thread ("src-link": connects, reads the requests, waits between attempts) and one virtual thread per request; when
 * the stream breaks (srcmstr restarted) it attaches again with the same token, after 50 ms doubling up to 2 s between
 * attempts, back to 50 ms once a request has come.
 */
public final class SrcConnection implements AutoCloseable {

    static final Duration FIRST_RETRY = Duration.ofMillis(50);
    static final Duration MAX_RETRY = Duration.ofSeconds(2);
    private static final Duration STOP_FLUSH = Duration.ofSeconds(2);

    /** Bounds one connection attempt (a Unix socket: it fails or succeeds at once unless srcmstr is stuck). */
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(10);

    private final Path socket;
    private final String token;
    private final RequestDispatcher dispatcher;
    private final Thread link;
    private final ExecutorService requests;
    private final Backoff backoff = new Backoff(FIRST_RETRY, MAX_RETRY);
    private final CompletableFuture<StopMode> stopped = new CompletableFuture<>();

    private final Object lock = new Object();
    private Stream current;
    private boolean declaredReady;
    private boolean closed;
    private boolean stopping;

    private SrcConnection(Path socket, String token, SrcHandler handler) {
        this.socket = socket;
        this.token = token;
        this.dispatcher = new RequestDispatcher(handler);
        this.link = Thread.ofPlatform().daemon().name("src-link").unstarted(this::run);
        this.requests = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("src-request-", 0).factory());
    }

    static SrcConnection open(Path socket, String token, SrcHandler handler) {
        var connection = new SrcConnection(socket, token, handler);
        connection.link.start();
        return connection;
    }

    /**
     * Tells srcmstr the daemon is ready to serve (beyond AIX: the subsystem shows "starting" until then when its
     * definition asks for readiness). Repeated after each reconnect.
     */
    public void ready() {
        synchronized (lock) {
            declaredReady = true;
            if (current != null) {
                current.send(SubsystemMessage.newBuilder().setReady(Ready.getDefaultInstance()).build());
            }
        }
    }

    /** Blocks until a stop request has been answered; the daemon should then exit. */
    public StopMode awaitStop() throws InterruptedException {
        try {
            return stopped.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("stop future failed", e.getCause());
        }
    }

    /** {@link #awaitStop()} with a limit; empty when no stop came in {@code limit}. */
    public Optional<StopMode> awaitStop(Duration limit) throws InterruptedException {
        try {
            return Optional.of(stopped.get(limit.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("stop future failed", e.getCause());
        }
    }

    /** Completes when a stop request has been answered. */
    public CompletableFuture<StopMode> stopRequested() {
        return stopped.copy();
    }

    @Override
    public void close() {
        Stream open;
        synchronized (lock) {
            closed = true;
            open = current;
            current = null;
            lock.notifyAll(); // the link thread stops waiting to retry
        }
        if (open != null) {
            open.call.close(); // srcmstr sees the stream end; a send waiting for srcmstr's window ends too
        }
        requests.shutdownNow();
    }

    /** The link thread: attaches, reads the requests until the stream ends, waits, attaches again. */
    private void run() {
        while (true) {
            Stream stream = attach();
            if (stream != null) {
                stream.read();
            }
            synchronized (lock) {
                if (current == stream) {
                    current = null;
                }
                if (!awaitRetry()) {
                    return;
                }
            }
        }
    }

    /** One attempt: the Attach call, its Hello (and Ready when declared) sent; null when srcmstr did not answer. */
    private Stream attach() {
        synchronized (lock) {
            if (closed || stopping) {
                return null;
            }
        }
        LocalBidiCall<SubsystemMessage, SubsystemRequest> call;
        try {
            call = LocalBidiCall.start(socket, SubsystemGrpc.getAttachMethod(), CONNECT_LIMIT);
        } catch (StatusRuntimeException e) {
            return null; // srcmstr is not there (yet, or any more): the next attempt after the backoff
        }
        var stream = new Stream(call);
        synchronized (lock) {
            if (closed || stopping) {
                call.close();
                return null;
            }
            current = stream;
            stream.send(
                    SubsystemMessage.newBuilder()
                            .setHello(Hello.newBuilder().setToken(token).setPid((int) ProcessHandle.current().pid()))
                            .build());
            if (declaredReady) {
                stream.send(SubsystemMessage.newBuilder().setReady(Ready.getDefaultInstance()).build());
            }
        }
        return stream;
    }

    /** Waits the next backoff delay (holding {@link #lock}); false when the link is closed or stopping. */
    private boolean awaitRetry() {
        if (closed || stopping) {
            return false;
        }
        long deadline = System.nanoTime() + backoff.next().toNanos();
        long left;
        while (!closed && (left = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return !closed && !stopping;
    }

    private void serve(Stream stream, SubsystemRequest request) {
        backoff.reset();
        try {
            requests.execute(() -> answer(stream, request));
        } catch (RejectedExecutionException e) {
            // closed while the request came in: the daemon is going away and srcmstr sees the stream end
        }
    }

    private void answer(Stream stream, SubsystemRequest request) {
        SubsystemReply reply = dispatcher.handle(request);
        if (request.hasStop()) {
            synchronized (lock) {
                stopping = true;
            }
        }
        stream.send(SubsystemMessage.newBuilder().setReply(reply).build());
        if (request.hasStop()) {
            stream.complete();
            stream.awaitEnd(STOP_FLUSH);
            stopped.complete(request.getStop().getForced() ? StopMode.FORCED : StopMode.NORMAL);
        }
    }

    /** One Attach call. Sends are serialized on this object. */
    private final class Stream {
        private final LocalBidiCall<SubsystemMessage, SubsystemRequest> call;
        private final CompletableFuture<Void> end = new CompletableFuture<>();
        private boolean halfClosed;

        Stream(LocalBidiCall<SubsystemMessage, SubsystemRequest> call) {
            this.call = call;
        }

        /** Reads srcmstr's requests until the call ends (srcmstr closed it, went away, or {@link #close}). */
        void read() {
            try {
                SubsystemRequest request;
                while ((request = call.next()) != null) {
                    serve(this, request);
                }
            } catch (StatusRuntimeException e) {
                // srcmstr refused the token, restarted or went away: attached again after the backoff
            } finally {
                call.close();
                end.complete(null);
            }
        }

        synchronized void send(SubsystemMessage message) {
            if (!halfClosed && !end.isDone()) {
                try {
                    call.send(message);
                } catch (StatusRuntimeException e) {
                    // the connection broke: the reading side ends the stream and attaches again
                }
            }
        }

        synchronized void complete() {
            if (!halfClosed && !end.isDone()) {
                halfClosed = true;
                try {
                    call.halfClose();
                } catch (StatusRuntimeException e) {
                    // the connection broke: the reading side ends the stream
                }
            }
        }

        /** Waits until srcmstr closed its side (so everything sent has reached it). */
        void awaitEnd(Duration limit) {
            try {
                end.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // srcmstr is gone or slow: the reply is as delivered as it can be
            }
        }
    }
}
