package org.opensrc.inetd.service;

import org.opensrc.inetd.config.ServiceEntry;
import org.opensrc.inetd.limit.ServiceLimiter;
import org.opensrc.inetd.limit.Verdict;
import org.opensrc.inetd.service.Effect.Level;
import org.opensrc.inetd.service.ServiceState.BackingOff;
import org.opensrc.inetd.service.ServiceState.Closed;
import org.opensrc.inetd.service.ServiceState.HeldByServer;
import org.opensrc.inetd.service.ServiceState.Listening;
import org.opensrc.inetd.service.ServiceState.Unbound;
import org.opensrc.inetd.spawn.Launch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One configured service as a state machine: {@code apply(event, now)} moves its {@link ServiceState} and counters and
 * returns the effects a driver must carry out. No socket, thread, process or clock is touched here, so every transition
 * is tested without them. It owns the service's limiter (pure, time passed in), its counters and the operator's
 * forced-stop flag; nothing else changes them.
 *
 * <p>Events that the driver cannot produce in a state (a connection while the socket is not polled, a bind result while
 * bound, a back-off end while not backing off) are programmer errors and throw.
 */
public final class ServiceMachine {
    public static final Duration FIRST_BIND_RETRY = Duration.ofSeconds(5);
    public static final Duration MAX_BIND_RETRY = Duration.ofMinutes(5);

    /** The figures {@code lssrc -ls inetd} shows for a service. */
    public record Counters(long accepted, long refused, long rateLimited, int running, Optional<String> lastExit) {}

    private ServiceEntry entry;
    private final ServiceLimiter limiter;
    private ServiceState state = new Unbound(FIRST_BIND_RETRY);

    /** A forced stop came: servers that finish spawning after it are killed at once. */
    private boolean killLateChildren;

    private long accepted;
    private long refused;
    private long rateLimited;

    /** Servers (or internal streams) running now. */
    private int running;

    /** nowait servers being spawned now: they count against max-child already. */
    private int spawning;

    private Optional<String> lastExit = Optional.empty();

    public ServiceMachine(ServiceEntry entry) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.limiter = new ServiceLimiter(entry.limits());
    }

    public ServiceEntry entry() {
        return entry;
    }

    public ServiceState state() {
        return state;
    }

    public int running() {
        return running;
    }

    public Counters counters() {
        return new Counters(accepted, refused, rateLimited, running, lastExit);
    }

    /** The open socket, in every state that has one. */
    public OptionalInt socket() {
        return switch (state) {
            case Listening l -> OptionalInt.of(l.fd());
            case HeldByServer h -> OptionalInt.of(h.fd());
            case BackingOff b -> OptionalInt.of(b.fd());
            case Unbound u -> OptionalInt.empty();
            case Closed c -> OptionalInt.empty();
        };
    }

    /** True while the socket is open and neither held by a server nor backing off. */
    public boolean listening() {
        return state instanceof Listening;
    }

    /**
     * Whether the socket should be polled (and a burst go on accepting): listening, under max-child, and {@code
     * globalRoom} (inetd's cap on all services together) not reached.
     */
    public boolean accepting(boolean globalRoom) {
        return listening() && limiter.hasRoom(running + spawning) && globalRoom;
    }

    /**
     * The state word of {@code lssrc -ls inetd}: {@code stopping}, {@code bind-failed}, {@code waiting}, {@code
     * backoff}, and for a listening service {@code active} when {@code polled}, else {@code paused}.
     */
    public String stateWord(boolean polled) {
        return switch (state) {
            case Closed c -> "stopping";
            case Unbound u -> "bind-failed";
            case HeldByServer h -> "waiting";
            case BackingOff b -> "backoff";
            case Listening l -> polled ? "active" : "paused";
        };
    }

    /** Applies one event at {@code now}; returns the effects to carry out, in order. */
    public List<Effect> apply(Event event, Instant now) {
        List<Effect> out = new ArrayList<>();
        switch (event) {
            case Event.BindSucceeded e -> bound(e.fd(), out);
            case Event.BindFailed e -> bindFailed(e.reason(), now, out);
            case Event.TimerFired e -> timerFired(e.timer(), out);
            case Event.Connected e -> connected(e, now, out);
            case Event.DatagramReceived e -> datagram(e, now, out);
            case Event.WaitRequest e -> waitRequest(now, out);
            case Event.WaitServerLaunched e -> waitServerLaunched(e.launch(), out);
            case Event.Spawned e -> spawned(e, out);
            case Event.InternalEnded e -> running--;
            case Event.ChildExited e -> childExited(e, out);
            case Event.Replaced e -> {
                entry = e.entry();
                limiter.update(entry.limits());
            }
            case Event.ForcedStop e -> killLateChildren = true;
            case Event.Retire e -> retire(out);
        }
        return out;
    }

    private void bound(int fd, List<Effect> out) {
        requireState(Unbound.class, "a bind result");
        state = new Listening(fd);
        out.add(new Effect.Log(Level.INFO, entry.key() + ": listening on port " + entry.port()));
    }

    private void bindFailed(String reason, Instant now, List<Effect> out) {
        Unbound u = requireState(Unbound.class, "a bind result");
        out.add(
                new Effect.Log(
                        Level.ERROR,
                        entry.key()
                                + ": bind to port "
                                + entry.port()
                                + ": "
                                + reason
                                + "; retrying in "
                                + u.nextRetry().toSeconds()
                                + " s"));
        out.add(new Effect.ArmTimer(ServiceTimer.BIND_RETRY, now.plus(u.nextRetry())));
        Duration doubled = u.nextRetry().multipliedBy(2);
        state = new Unbound(doubled.compareTo(MAX_BIND_RETRY) > 0 ? MAX_BIND_RETRY : doubled);
    }

    private void timerFired(ServiceTimer timer, List<Effect> out) {
        switch (timer) {
            case BIND_RETRY -> {
                requireState(Unbound.class, "a bind retry");
                out.add(new Effect.Bind());
            }
            case RESUME -> {
                BackingOff b = requireState(BackingOff.class, "the end of a back-off");
                state = new Listening(b.fd());
                out.add(new Effect.Log(Level.INFO, entry.key() + ": resuming after back-off"));
            }
        }
    }

    private void connected(Event.Connected e, Instant now, List<Effect> out) {
        Listening l = requireState(Listening.class, "a connection");
        InetSocketAddress peer = e.peer();
        if (!e.permitted()) {
            refused++;
            out.add(trace("REFUSED " + entry.key() + " from " + peer + ": access denied"));
            out.add(new Effect.CloseConnection(e.conn()));
            return;
        }
        switch (limiter.admit(peer.getAddress(), now)) {
            case Verdict.Admit() -> start(e.conn(), peer, out);
            case Verdict.TooManyFromSource(int perMinute) -> {
                rateLimited++;
                out.add(
                        trace(
                                "REFUSED "
                                        + entry.key()
                                        + " from "
                                        + peer
                                        + ": over "
                                        + perMinute
                                        + " connections per minute"));
                out.add(new Effect.CloseConnection(e.conn()));
            }
            case Verdict.BackOff b -> {
                rateLimited++;
                out.add(new Effect.CloseConnection(e.conn()));
                backOff(l.fd(), b, now, out);
            }
        }
    }

    private void start(int conn, InetSocketAddress peer, List<Effect> out) {
        accepted++;
        if (entry.isInternal()) {
            running++;
            out.add(trace("START " + entry.key() + " from " + peer + " internal"));
            out.add(new Effect.ServeInternal(conn, entry.internalName().orElseThrow()));
            return;
        }
        // counted while it is being spawned, so max-child and the global cap hold
        spawning++;
        out.add(new Effect.Spawn(conn, entry, peer));
    }

    private void spawned(Event.Spawned e, List<Effect> out) {
        spawning--;
        started(e.launch(), Optional.of(e.peer()), out);
        switch (e.launch()) {
            case Launch.Started(int pid) -> {
                if (killLateChildren) {
                    // a forced stop came while this child was being spawned
                    out.add(new Effect.Kill(pid));
                }
            }
            case Launch.Failed f -> out.add(new Effect.CapacityChanged());
        }
    }

    private void started(Launch launch, Optional<InetSocketAddress> peer, List<Effect> out) {
        switch (launch) {
            case Launch.Started(int pid) -> {
                running++;
                out.add(new Effect.Track(pid, peer));
                out.add(
                        trace(
                                "START "
                                        + entry.key()
                                        + " from "
                                        + peer.map(Object::toString).orElse("-")
                                        + " pid="
                                        + pid));
            }
            case Launch.Failed(String reason) ->
                    out.add(
                            new Effect.Log(
                                    Level.ERROR, entry.key() + ": cannot start " + entry.server() + ": " + reason));
        }
    }

    private void waitRequest(Instant now, List<Effect> out) {
        Listening l = requireState(Listening.class, "a wait request");
        switch (limiter.admit(InetAddress.getLoopbackAddress(), now)) {
            case Verdict.BackOff b -> {
                rateLimited++;
                backOff(l.fd(), b, now, out);
                return;
            }
            case Verdict.Admit() -> {}
            case Verdict.TooManyFromSource t -> {}
        }
        accepted++;
        out.add(new Effect.LendSocket(l.fd(), entry));
    }

    private void waitServerLaunched(Launch launch, List<Effect> out) {
        Listening l = requireState(Listening.class, "a wait server's launch");
        if (launch instanceof Launch.Started) {
            state = new HeldByServer(l.fd());
        } else {
            out.add(new Effect.ReclaimSocket(l.fd(), true));
        }
        started(launch, Optional.empty(), out);
    }

    private void datagram(Event.DatagramReceived e, Instant now, List<Effect> out) {
        Listening l = requireState(Listening.class, "a datagram");
        InetSocketAddress from = e.from();
        if (!e.permitted()) {
            refused++;
            out.add(trace("IGNORED " + entry.key() + " datagram from " + from));
            return;
        }
        switch (limiter.admit(from.getAddress(), now)) {
            case Verdict.Admit() -> {
                accepted++;
                out.add(new Effect.Answer(l.fd(), entry.internalName().orElseThrow(), e.data(), from));
            }
            case Verdict.TooManyFromSource t -> rateLimited++;
            case Verdict.BackOff b -> {
                rateLimited++;
                backOff(l.fd(), b, now, out);
            }
        }
    }

    private void backOff(int fd, Verdict.BackOff b, Instant now, List<Effect> out) {
        Instant until = now.plus(b.pause());
        state = new BackingOff(fd, until);
        out.add(
                new Effect.Log(
                        Level.WARN,
                        entry.key()
                                + ": more than "
                                + b.perMinute()
                                + " starts per minute (looping?); pausing the service for "
                                + b.pause().toSeconds()
                                + " s"));
        out.add(new Effect.ArmTimer(ServiceTimer.RESUME, until));
    }

    private void childExited(Event.ChildExited e, List<Effect> out) {
        running--;
        lastExit = Optional.of(e.status());
        out.add(
                trace(
                        "EXIT "
                                + entry.key()
                                + " pid="
                                + e.pid()
                                + " status="
                                + e.status()
                                + " duration="
                                + e.ran().toMillis()
                                + "ms peer="
                                + e.peer().map(Object::toString).orElse("-")));
        if (entry.waits() && !entry.isInternal() && state instanceof HeldByServer(int fd)) {
            state = new Listening(fd);
            out.add(new Effect.ReclaimSocket(fd, false));
        }
    }

    private void retire(List<Effect> out) {
        if (state instanceof Closed) {
            return;
        }
        out.add(new Effect.CancelTimer(ServiceTimer.RESUME));
        out.add(new Effect.CancelTimer(ServiceTimer.BIND_RETRY));
        socket().ifPresent(fd -> out.add(new Effect.CloseSocket(fd)));
        state = new Closed();
    }

    private static Effect trace(String message) {
        return new Effect.Trace(message);
    }

    private <S extends ServiceState> S requireState(Class<S> expected, String what) {
        if (!expected.isInstance(state)) {
            throw new IllegalStateException(entry.key() + ": " + what + " in state " + state);
        }
        return expected.cast(state);
    }
}
