package org.opensrc.libsrc.subsystem;

import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;

import org.opensrc.libsrc.client.GrpcJavaChannels;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A daemon's live link to srcmstr: an Attach stream on srcmstr's Unix socket, answered by an {@link SrcHandler}. It
 * runs on its own daemon threads ("src-link" for I/O, "src-reconnect" for retries, one virtual thread per request), and
 * when the stream breaks (srcmstr restarted) it attaches again with the same token, after 50 ms doubling up to 2 s
 * between attempts.
 */
public final class SrcConnection implements AutoCloseable {

    static final Duration FIRST_RETRY = Duration.ofMillis(50);
    static final Duration MAX_RETRY = Duration.ofSeconds(2);
    private static final Duration STOP_FLUSH = Duration.ofSeconds(2);

    private final String token;
    private final RequestDispatcher dispatcher;
    private final GrpcJavaChannels.Managed link;
    private final ManagedChannel channel;
    private final ScheduledExecutorService retries;
    private final ExecutorService requests;
    private final Backoff backoff = new Backoff(FIRST_RETRY, MAX_RETRY);
    private final CompletableFuture<StopMode> stopped = new CompletableFuture<>();

    private final Object lock = new Object();
    private Stream current;
    private boolean declaredReady;
    private boolean closed;
    private boolean stopping;

    private SrcConnection(Path socket, String token, SrcHandler handler) {
        this.token = token;
        this.dispatcher = new RequestDispatcher(handler);
        this.link = GrpcJavaChannels.local(socket, "src-link");
        this.channel = link.channel();
        this.retries =
                Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().daemon().name("src-reconnect").factory());
        this.requests = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("src-request-", 0).factory());
    }

    static SrcConnection open(Path socket, String token, SrcHandler handler) {
        var connection = new SrcConnection(socket, token, handler);
        connection.attach();
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
        }
        if (open != null) {
            open.complete();
        }
        retries.shutdownNow();
        requests.shutdownNow();
        link.close();
    }

    private void attach() {
        synchronized (lock) {
            if (closed || stopping) {
                return;
            }
            channel.resetConnectBackoff();
            var stream = new Stream();
            // current first: with the direct executor a call that fails at once (srcmstr
            // not there yet) ends inside attach(), and ended() must see it as current to retry
            current = stream;
            stream.out = SubsystemGrpc.newStub(channel).attach(stream);
            stream.send(
                    SubsystemMessage.newBuilder()
                            .setHello(Hello.newBuilder().setToken(token).setPid((int) ProcessHandle.current().pid()))
                            .build());
            if (declaredReady) {
                stream.send(SubsystemMessage.newBuilder().setReady(Ready.getDefaultInstance()).build());
            }
        }
    }

    private void ended(Stream stream) {
        synchronized (lock) {
            if (current != stream) {
                return;
            }
            current = null;
            if (closed || stopping) {
                return;
            }
            retries.schedule(this::attach, backoff.next().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void serve(Stream stream, SubsystemRequest request) {
        backoff.reset();
        requests.execute(
                () -> {
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
                });
    }

    /** One Attach call. Sends are serialized on this object. */
    private final class Stream implements StreamObserver<SubsystemRequest> {
        private volatile StreamObserver<SubsystemMessage> out;
        private boolean halfClosed;
        private final CompletableFuture<Void> end = new CompletableFuture<>();

        synchronized void send(SubsystemMessage message) {
            if (!halfClosed && !end.isDone()) {
                out.onNext(message);
            }
        }

        synchronized void complete() {
            if (!halfClosed && !end.isDone()) {
                halfClosed = true;
                out.onCompleted();
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

        @Override
        public void onNext(SubsystemRequest request) {
            serve(this, request);
        }

        @Override
        public void onError(Throwable t) {
            end.complete(null);
            ended(this);
        }

        @Override
        public void onCompleted() {
            end.complete(null);
            ended(this);
        }
    }
}
