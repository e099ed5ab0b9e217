package org.opensrc.inetd;

import static org.opensrc.libsrc.signal.Signals.SIGKILL;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.opensrc.inetd.config.ServiceEntry;
import org.opensrc.inetd.limit.ServiceLimiter;
import org.opensrc.inetd.limit.Verdict;
import org.opensrc.inetd.net.EventLoop;
import org.opensrc.inetd.spawn.Launch;
import org.opensrc.libsrc.posix.ExitStatus;
import org.opensrc.libsrc.posix.Net;
import org.opensrc.libsrc.posix.NetException;
import org.opensrc.libsrc.posix.Posix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured service at run time: its socket, whether the loop polls it, its limiter and counters.
 * The socket is polled only while nothing holds it back: a wait child owning it, a spawn-rate back-off,
 * max-child, or the global cap. Loop thread only.
 */
final class ServiceRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRuntime.class);
    static final int BACKLOG = 128;
    private static final int BURST = 32;
    private static final Duration FIRST_BIND_RETRY = Duration.ofSeconds(5);
    private static final Duration MAX_BIND_RETRY = Duration.ofMinutes(5);

    private final Context ctx;
    private ServiceEntry entry;
    private final ServiceLimiter limiter;
    private int fd = -1;
    private boolean childHoldsSocket;
    private EventLoop.Timer resume;
    private EventLoop.Timer bindRetry;
    private Duration nextBindRetry = FIRST_BIND_RETRY;
    private boolean backingOff;
    private boolean retired;
    private long accepted;
    private long refused;
    private long rateLimited;
    private int running;
    private int spawning;
    private boolean killLateChildren;
    private Optional<String> lastExit = Optional.empty();

    ServiceRuntime(Context ctx, ServiceEntry entry) {
        this.ctx = ctx;
        this.entry = entry;
        this.limiter = new ServiceLimiter(entry.limits());
    }

    ServiceEntry entry() {
        return entry;
    }

    int fd() {
        return fd;
    }

    int running() {
        return running;
    }

    boolean retired() {
        return retired;
    }

    /** New line for the same socket (user, server, args, limits may differ). */
    void replace(ServiceEntry next) {
        this.entry = next;
        limiter.update(next.limits());
        update();
    }

    void open() {
        bindRetry = null;
        try {
            fd = Net.open(entry.protocol(), bindAddress(), entry.port(), BACKLOG);
            nextBindRetry = FIRST_BIND_RETRY;
            LOG.info("{}: listening on port {}", entry.key(), entry.port());
        } catch (NetException | UnknownHostException e) {
            LOG.error("{}: bind to port {}: {}; retrying in {} s", entry.key(), entry.port(), e.getMessage(),
                    nextBindRetry.toSeconds());
            bindRetry = ctx.loop.schedule(nextBindRetry, this::open);
            Duration doubled = nextBindRetry.multipliedBy(2);
            nextBindRetry = doubled.compareTo(MAX_BIND_RETRY) > 0 ? MAX_BIND_RETRY : doubled;
        }
        update();
    }

    private InetAddress bindAddress() throws UnknownHostException {
        return "*".equals(entry.bindHost()) ? null : InetAddress.getByName(entry.bindHost());
    }

    /** Stops accepting for good and closes the socket; running children are left alone. */
    void retire() {
        retired = true;
        cancel(resume);
        cancel(bindRetry);
        if (fd >= 0) {
            ctx.loop.unregister(fd);
            Net.close(fd);
            fd = -1;
        }
    }

    private static void cancel(EventLoop.Timer t) {
        if (t != null) {
            t.cancel();
        }
    }

    private boolean externalWait() {
        return entry.waits() && !entry.isInternal();
    }

    /** Polls the socket exactly when nothing holds the service back. */
    void update() {
        if (fd < 0) {
            return;
        }
        boolean want = !retired && !childHoldsSocket && !backingOff && limiter.hasRoom(running + spawning)
                && ctx.hasGlobalRoom();
        if (want && !ctx.loop.isRegistered(fd)) {
            ctx.loop.register(fd, ready -> onReady());
        } else if (!want && ctx.loop.isRegistered(fd)) {
            ctx.loop.unregister(fd);
        }
    }

    private void onReady() {
        try {
            if (externalWait()) {
                spawnWaiter();
            } else if (entry.protocol().isStream()) {
                acceptBurst();
            } else {
                datagrams();
            }
        } catch (NetException e) {
            LOG.error("{}: {}", entry.key(), e.getMessage());
        }
        update();
    }

    private void acceptBurst() throws NetException {
        for (int i = 0; i < BURST && !backingOff && limiter.hasRoom(running + spawning) && ctx.hasGlobalRoom(); i++) {
            Optional<Integer> conn = Net.accept(fd);
            if (conn.isEmpty()) {
                return;
            }
            connection(conn.get());
        }
    }

    private void connection(int conn) {
        InetSocketAddress peer;
        try {
            peer = Net.peer(conn);
        } catch (NetException e) {
            Net.close(conn);
            return;
        }
        if (!ctx.permits(entry, peer.getAddress())) {
            refused++;
            trace("REFUSED {} from {}: access denied", peer);
            Net.close(conn);
            return;
        }
        switch (limiter.admit(peer.getAddress(), ctx.now())) {
            case Verdict.Admit() -> start(conn, peer);
            case Verdict.TooManyFromSource(int perMinute) -> {
                rateLimited++;
                trace("REFUSED {} from {}: over " + perMinute + " connections per minute", peer);
                Net.close(conn);
            }
            case Verdict.BackOff b -> {
                rateLimited++;
                Net.close(conn);
                backOff(b);
            }
        }
    }

    private void start(int conn, InetSocketAddress peer) {
        accepted++;
        if (entry.isInternal()) {
            running++;
            ctx.internalStarted();
            trace("START {} from {} internal", peer);
            ctx.streams.serve(entry.internalName().orElseThrow(), conn,
                    (service, f) -> ctx.loop.execute(this::internalDone));
            return;
        }
        // counted while it is being spawned, so max-child and the global cap hold
        spawning++;
        ctx.pendingSpawns++;
        ServiceEntry spawned = entry;
        ctx.spawner.execute(() -> {
            Launch launch = ctx.launcher.launch(spawned, conn, Optional.of(peer));
            Net.close(conn);
            ctx.loop.execute(() -> {
                ctx.pendingSpawns--;
                spawning--;
                started(launch, Optional.of(peer));
                if (killLateChildren && launch instanceof Launch.Started(int pid)) {
                    // a forced stop came while this child was being spawned
                    if (!Posix.killGroup(pid, SIGKILL)) {
                        Posix.kill(pid, SIGKILL);
                    }
                }
                if (launch instanceof Launch.Failed) {
                    ctx.capacityChanged.run();
                }
                update();
            });
        });
    }

    private void started(Launch launch, Optional<InetSocketAddress> peer) {
        switch (launch) {
            case Launch.Started(int pid) -> {
                running++;
                ctx.childStarted(this, pid, peer);
                trace("START {} from {} pid=" + pid, peer.map(Object::toString).orElse("-"));
            }
            case Launch.Failed(String reason) -> LOG.error("{}: cannot start {}: {}", entry.key(), entry.server(),
                    reason);
        }
    }

    private void internalDone() {
        running--;
        ctx.internalEnded();
        update();
    }

    private void spawnWaiter() throws NetException {
        switch (limiter.admit(InetAddress.getLoopbackAddress(), ctx.now())) {
            case Verdict.BackOff b -> {
                rateLimited++;
                backOff(b);
                return;
            }
            case Verdict.Admit() -> {}
            case Verdict.TooManyFromSource t -> {}
        }
        accepted++;
        Net.setBlocking(fd, true);
        Launch launch = ctx.launcher.launch(entry, fd, Optional.empty());
        if (launch instanceof Launch.Started) {
            childHoldsSocket = true;
        } else {
            Net.setBlocking(fd, false);
            drainOne();
        }
        started(launch, Optional.empty());
    }

    /** After a failed start, drop the request that woke us so the loop does not spin on it. */
    private void drainOne() throws NetException {
        if (entry.protocol().isStream()) {
            Optional<Integer> c = Net.accept(fd);
            c.ifPresent(Net::close);
        } else {
            Net.receive(fd, 65536);
        }
    }

    private void datagrams() throws NetException {
        for (int i = 0; i < BURST && !backingOff; i++) {
            Optional<Net.Datagram> d = Net.receive(fd, 65536);
            if (d.isEmpty()) {
                return;
            }
            InetSocketAddress from = d.get().sender();
            if (!ctx.guard.mayAnswer(from) || !ctx.permits(entry, from.getAddress())) {
                refused++;
                trace("IGNORED {} datagram from {}", from);
                continue;
            }
            switch (limiter.admit(from.getAddress(), ctx.now())) {
                case Verdict.Admit() -> {
                    accepted++;
                    Optional<byte[]> reply = ctx.datagrams.reply(entry.internalName().orElseThrow(),
                            d.get().data(), ctx.now());
                    if (reply.isPresent()) {
                        Net.send(fd, reply.get(), from);
                    }
                }
                case Verdict.TooManyFromSource t -> rateLimited++;
                case Verdict.BackOff b -> {
                    rateLimited++;
                    backOff(b);
                }
            }
        }
    }

    private void backOff(Verdict.BackOff b) {
        backingOff = true;
        LOG.warn("{}: more than {} starts per minute (looping?); pausing the service for {} s", entry.key(),
                b.perMinute(), b.pause().toSeconds());
        resume = ctx.loop.schedule(b.pause(), () -> {
            backingOff = false;
            LOG.info("{}: resuming after back-off", entry.key());
            update();
        });
        update();
    }

    void childExited(Context.Child child, ExitStatus status) {
        running--;
        lastExit = Optional.of(status.describe());
        long millis = (System.nanoTime() - child.startNanos()) / 1_000_000;
        trace("EXIT {} pid=" + child.pid() + " status=" + status.describe() + " duration=" + millis + "ms peer={}",
                child.peer().map(Object::toString).orElse("-"));
        if (externalWait() && childHoldsSocket) {
            childHoldsSocket = false;
            if (fd >= 0) {
                try {
                    Net.setBlocking(fd, false);
                } catch (NetException e) {
                    LOG.error("{}: {}", entry.key(), e.getMessage());
                }
            }
        }
        update();
    }

    /** A forced stop: children still being spawned are killed as soon as they exist. */
    void killLateChildren() {
        killLateChildren = true;
    }

    /** Pids of this service's running children. */
    java.util.List<Integer> pids() {
        return ctx.children.values().stream().filter(c -> c.service() == this).map(Context.Child::pid).toList();
    }

    private void trace(String format, Object peer) {
        if (ctx.trace) {
            LOG.info(format, entry.key(), peer);
        } else {
            LOG.debug(format, entry.key(), peer);
        }
    }

    ServiceStatus status() {
        String state = retired ? "stopping"
                : fd < 0 ? "bind-failed"
                : childHoldsSocket ? "waiting"
                : backingOff ? "backoff"
                : ctx.loop.isRegistered(fd) ? "active" : "paused";
        return new ServiceStatus(entry.name(), entry.protocol().token(), entry.bindHost(), entry.port(),
                entry.waits(), entry.command(), entry.args(), state, accepted, refused, rateLimited, running,
                lastExit);
    }
}
