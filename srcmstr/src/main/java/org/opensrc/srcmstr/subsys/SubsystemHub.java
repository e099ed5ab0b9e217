package org.opensrc.srcmstr.subsys;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import org.opensrc.proto.v1.SubsystemReply;
import org.opensrc.proto.v1.SubsystemRequest;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * srcmstr's end of the subsystem API: which running instance holds which token, which of them have an open Attach
 * stream, and the requests waiting for their replies.
 *
 * <p>Lifecycle of a token: {@link #newToken} before the spawn (the token goes into the daemon's environment as {@code
 * SRC_TOKEN}), {@link #bind} once the pid is known, {@link #forget} when the instance dies. A daemon may attach before
 * {@code bind}: its stream is parked and announced to the {@link Listener} at bind time.
 *
 * <p>Knowing a token is not enough: only the instance's own process (the peer pid the socket reported when it
 * connected) may attach with it, so a child or a neighbour that read the token cannot answer for the daemon. A parked
 * stream is checked at bind time.
 *
 * <p>Threads: every method may be called from any thread and none blocks. Listener callbacks and reply futures complete
 * on gRPC threads, the hub's timer thread, or the thread calling {@code forget}/{@code bind}; the caller should only
 * enqueue there.
 */
public final class SubsystemHub implements AutoCloseable {

    /** Attach and readiness events, for the supervision layer (which only enqueues). */
    public interface Listener {
        /** A daemon instance opened its Attach stream (also after a reconnect). */
        void attached(int pid);

        /** Its stream ended (died, srcmstr forgot it, or the connection broke). */
        void detached(int pid);

        /** The daemon declared readiness (beyond AIX: "starting" becomes "active"). */
        void ready(int pid);

        /** Ignores every event. */
        Listener NONE =
                new Listener() {
                    @Override
                    public void attached(int pid) {}

                    @Override
                    public void detached(int pid) {}

                    @Override
                    public void ready(int pid) {}
                };
    }

    private final ReplyTimeout defaultTimeout;
    private final Listener listener;
    private final ScheduledThreadPoolExecutor timer;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong lastRequestId = new AtomicLong();

    private final Object lock = new Object();
    private final Map<String, InstanceToken> tokens = new HashMap<>();
    private final Map<Integer, String> tokenByPid = new HashMap<>();
    private final Map<String, Attachment> attachments = new HashMap<>();

    public SubsystemHub(ReplyTimeout defaultTimeout, Listener listener) {
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("subsys-timeouts").factory());
        this.timer.setRemoveOnCancelPolicy(true);
    }

    // ---- tokens -------------------------------------------------------------------

    /** A fresh unbound token for an instance of {@code subsysname} about to be spawned. */
    public String newToken(String subsysname) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        synchronized (lock) {
            tokens.put(token, new InstanceToken(token, subsysname, 0));
        }
        return token;
    }

    /**
     * Binds {@code token} to the spawned instance's pid. A daemon that attached before this call is checked now (its
     * pid must be {@code pid} or inside its process tree) and announced as attached (and ready, if it already said so).
     */
    public void bind(String token, int pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid " + pid);
        }
        Attachment parked;
        synchronized (lock) {
            InstanceToken known = tokens.get(token);
            if (known == null) {
                throw new IllegalArgumentException("unknown token for pid " + pid);
            }
            if (known.bound() && known.pid() != pid) {
                throw new IllegalStateException(
                        "token of " + known.subsysname() + " already bound to pid " + known.pid());
            }
            tokens.put(token, known.boundTo(pid));
            tokenByPid.put(pid, token);
            parked = attachments.get(token);
            if (parked != null && parked.callerPid != pid) {
                attachments.remove(token);
                parked.close(
                        Status.PERMISSION_DENIED.withDescription(
                                "pid " + parked.callerPid + " is not the instance's own process (pid " + pid + ")"),
                        "refused");
                parked = null;
            }
            if (parked != null) {
                parked.bindTo(pid);
            }
        }
        if (parked != null) {
            listener.attached(pid);
            if (parked.ready()) {
                listener.ready(pid);
            }
        }
    }

    /**
     * The instance {@code pid} is gone: drops its token, closes its stream and fails its requests in flight with {@link
     * SubsystemGoneException} at once.
     */
    public void forget(int pid) {
        Attachment attachment;
        synchronized (lock) {
            String token = tokenByPid.remove(pid);
            if (token == null) {
                return;
            }
            tokens.remove(token);
            attachment = attachments.remove(token);
        }
        if (attachment != null) {
            attachment.close(Status.UNAVAILABLE.withDescription("the instance ended"), "the instance ended");
            listener.detached(pid);
        }
    }

    /** Drops a token that was never bound (the spawn failed). */
    public void discard(String token) {
        Attachment attachment;
        synchronized (lock) {
            InstanceToken known = tokens.get(token);
            if (known == null || known.bound()) {
                return;
            }
            tokens.remove(token);
            attachment = attachments.remove(token);
        }
        if (attachment != null) {
            attachment.close(Status.UNAVAILABLE.withDescription("the instance was not started"), "not started");
        }
    }

    /** The current token records, to persist across srcmstr restarts. */
    public List<InstanceToken> tokens() {
        synchronized (lock) {
            return List.copyOf(tokens.values());
        }
    }

    /** Reinstates persisted, bound token records (srcmstr restarted and re-adopted them). */
    public void restore(Collection<InstanceToken> records) {
        synchronized (lock) {
            for (InstanceToken record : records) {
                if (!record.bound()) {
                    continue;
                }
                tokens.put(record.token(), record);
                tokenByPid.put(record.pid(), record.token());
            }
        }
    }

    /** Whether instance {@code pid} has an open Attach stream. */
    public boolean isAttached(int pid) {
        synchronized (lock) {
            String token = tokenByPid.get(pid);
            return token != null && attachments.containsKey(token);
        }
    }

    // ---- requests -----------------------------------------------------------------

    /** {@link #send(int, SubsystemRequest, Duration)} with the default reply timeout. */
    public CompletableFuture<SubsystemReply> send(int pid, SubsystemRequest request) {
        return send(pid, request, defaultTimeout.value());
    }

    /**
     * Sends {@code request} (its request_id is assigned here) to instance {@code pid}. Never blocks. The future
     * completes with the daemon's reply, or exceptionally with {@link NotAttachedException}, {@link
     * SubsystemTimeoutException} after {@code timeout}, or {@link SubsystemGoneException} when the stream ends first.
     */
    public CompletableFuture<SubsystemReply> send(int pid, SubsystemRequest request, Duration timeout) {
        Attachment attachment = attachmentOf(pid);
        if (attachment == null) {
            return CompletableFuture.failedFuture(new NotAttachedException(pid));
        }
        long id = lastRequestId.incrementAndGet();
        var reply = new CompletableFuture<SubsystemReply>();
        ScheduledFuture<?> expiry =
                timer.schedule(
                        () -> {
                            if (attachment.expire(id)) {
                                reply.completeExceptionally(new SubsystemTimeoutException(pid, timeout));
                            }
                        },
                        timeout.toNanos(),
                        TimeUnit.NANOSECONDS);
        reply.whenComplete((r, e) -> expiry.cancel(false));
        if (!attachment.send(request.toBuilder().setRequestId(id).build(), reply)) {
            reply.completeExceptionally(new SubsystemGoneException(pid, "the stream is closed"));
        }
        return reply;
    }

    private Attachment attachmentOf(int pid) {
        synchronized (lock) {
            String token = tokenByPid.get(pid);
            return token == null ? null : attachments.get(token);
        }
    }

    // ---- called by SubsystemService -----------------------------------------------

    /** A Hello with {@code token} arrived from a peer with {@code callerPid} (0 = unknown). */
    Admission admit(String token, int callerPid, StreamObserver<SubsystemRequest> out) {
        var attachment = new Attachment(token, callerPid, out);
        Attachment replaced;
        int pid;
        synchronized (lock) {
            InstanceToken known = tokens.get(token);
            if (known == null) {
                return new Admission.Refused("unknown token");
            }
            pid = known.pid();
            if (callerPid <= 0) {
                return new Admission.Refused("the subsystem API is for local processes only");
            }
            if (known.bound() && callerPid != pid) {
                return new Admission.Refused(
                        "pid " + callerPid + " is not the instance's own process (pid " + pid + ")");
            }
            attachment.bindTo(pid);
            replaced = attachments.put(token, attachment);
        }
        if (replaced != null) {
            replaced.close(Status.ABORTED.withDescription("replaced by a new Attach"), "the daemon attached again");
        }
        if (pid > 0) {
            listener.attached(pid);
        }
        return new Admission.Admitted(attachment);
    }

    /** The stream of {@code attachment} ended; {@code ending} closes our side (null: gone). */
    void detach(Attachment attachment, Status ending) {
        boolean current;
        synchronized (lock) {
            current = attachments.remove(attachment.token, attachment);
        }
        attachment.close(ending, "the stream ended");
        if (current && attachment.pid() > 0) {
            listener.detached(attachment.pid());
        }
    }

    void replied(Attachment attachment, SubsystemReply reply) {
        attachment.replied(reply);
    }

    void readied(Attachment attachment) {
        attachment.markReady();
        int pid = attachment.pid();
        if (pid > 0) {
            listener.ready(pid);
        }
    }

    /** Closes every stream (failing what is in flight) and stops the timer. */
    @Override
    public void close() {
        List<Attachment> open;
        synchronized (lock) {
            open = new ArrayList<>(attachments.values());
            attachments.clear();
        }
        for (Attachment attachment : open) {
            attachment.close(Status.UNAVAILABLE.withDescription("srcmstr is stopping"), "srcmstr is stopping");
        }
        timer.shutdownNow();
    }
}
