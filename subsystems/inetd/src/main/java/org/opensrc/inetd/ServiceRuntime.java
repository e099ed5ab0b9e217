package org.opensrc.inetd;

import static org.opensrc.libsrc.signal.Signals.SIGKILL;

import org.opensrc.inetd.config.ServiceEntry;
import org.opensrc.inetd.control.ServiceStatus;
import org.opensrc.inetd.service.Effect;
import org.opensrc.inetd.service.Event;
import org.opensrc.inetd.service.Scheduler;
import org.opensrc.inetd.service.ServiceMachine;
import org.opensrc.inetd.service.ServiceTimer;
import org.opensrc.inetd.spawn.Launch;
import org.opensrc.libsrc.posix.ExitStatus;
import org.opensrc.libsrc.posix.Net;
import org.opensrc.libsrc.posix.NetException;
import org.opensrc.libsrc.posix.Posix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The driver of one service's {@link ServiceMachine}: it turns socket readiness, spawn results, exits and timers into
 * events, and carries out the effects (sockets, spawns, timers, logs). The socket is polled exactly when the machine is
 * {@linkplain ServiceMachine#accepting accepting}. Loop thread only.
 */
final class ServiceRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRuntime.class);
    private static final int BACKLOG = 128;
    private static final int BURST = 32;

    private final Context ctx;
    private final ServiceMachine machine;
    private final Map<ServiceTimer, Scheduler.Cancellable> timers = new EnumMap<>(ServiceTimer.class);

    ServiceRuntime(Context ctx, ServiceEntry entry) {
        this.ctx = ctx;
        this.machine = new ServiceMachine(entry);
    }

    ServiceEntry entry() {
        return machine.entry();
    }

    int running() {
        return machine.running();
    }

    /** New line for the same socket (user, server, args, limits may differ). */
    void replace(ServiceEntry next) {
        applyLogging(new Event.Replaced(next));
        update();
    }

    /** Binds the socket (retried with back-off on failure). */
    void open() {
        bind();
        update();
    }

    /** Stops accepting for good and closes the socket; running children are left alone. */
    void retire() {
        applyLogging(new Event.Retire());
    }

    /** A forced stop: children still being spawned are killed as soon as they exist. */
    void killLateChildren() {
        applyLogging(new Event.ForcedStop());
    }

    /** Pids of this service's running children. */
    List<Integer> pids() {
        return ctx.pidsOf(this);
    }

    void childExited(Context.Child child, ExitStatus status) {
        applyLogging(
                new Event.ChildExited(
                        child.pid(), status.describe(), Duration.between(child.started(), ctx.now()), child.peer()));
        update();
    }

    /** Polls the socket exactly when the machine accepts. */
    void update() {
        OptionalInt socket = machine.socket();
        if (socket.isEmpty()) {
            return;
        }
        int fd = socket.getAsInt();
        boolean want = machine.accepting(ctx.hasGlobalRoom());
        if (want && !ctx.loop().isRegistered(fd)) {
            ctx.loop().register(fd, ready -> onReady(fd));
        } else if (!want && ctx.loop().isRegistered(fd)) {
            ctx.loop().unregister(fd);
        }
    }

    ServiceStatus status() {
        ServiceEntry entry = machine.entry();
        ServiceMachine.Counters c = machine.counters();
        OptionalInt socket = machine.socket();
        boolean polled = socket.isPresent() && ctx.loop().isRegistered(socket.getAsInt());
        return new ServiceStatus(
                entry.name(),
                entry.protocol().token(),
                entry.bindHost(),
                entry.port(),
                entry.waits(),
                entry.command(),
                entry.args(),
                machine.stateWord(polled),
                c.accepted(),
                c.refused(),
                c.rateLimited(),
                c.running(),
                c.lastExit());
    }

    private void bind() {
        ServiceEntry entry = machine.entry();
        Event result;
        try {
            result = new Event.BindSucceeded(Net.open(entry.protocol(), bindAddress(entry), entry.port(), BACKLOG));
        } catch (NetException | UnknownHostException e) {
            result = new Event.BindFailed(String.valueOf(e.getMessage()));
        }
        applyLogging(result);
    }

    private static InetAddress bindAddress(ServiceEntry entry) throws UnknownHostException {
        return "*".equals(entry.bindHost()) ? null : InetAddress.getByName(entry.bindHost());
    }

    private void onReady(int fd) {
        ServiceEntry entry = machine.entry();
        try {
            if (entry.waits() && !entry.isInternal()) {
                apply(new Event.WaitRequest());
            } else if (entry.protocol().isStream()) {
                acceptBurst(fd);
            } else {
                datagrams(fd);
            }
        } catch (NetException e) {
            LOG.error("{}: {}", entry.key(), e.getMessage());
        }
        update();
    }

    private void acceptBurst(int fd) throws NetException {
        for (int i = 0; i < BURST && machine.accepting(ctx.hasGlobalRoom()); i++) {
            Optional<Integer> conn = Net.accept(fd);
            if (conn.isEmpty()) {
                return;
            }
            connection(conn.get());
        }
    }

    private void connection(int conn) throws NetException {
        InetSocketAddress peer;
        try {
            peer = Net.peer(conn);
        } catch (NetException e) {
            Net.close(conn);
            return;
        }
        apply(new Event.Connected(conn, peer, ctx.permits(machine.entry(), peer.getAddress())));
    }

    private void datagrams(int fd) throws NetException {
        for (int i = 0; i < BURST && machine.listening(); i++) {
            Optional<Net.Datagram> d = Net.receive(fd, 65536);
            if (d.isEmpty()) {
                return;
            }
            InetSocketAddress from = d.get().sender();
            boolean permitted = ctx.guard().mayAnswer(from) && ctx.permits(machine.entry(), from.getAddress());
            apply(new Event.DatagramReceived(from, d.get().data(), permitted));
        }
    }

    /** Applies {@code event} now and carries out its effects; a socket error ends the work in hand. */
    private void apply(Event event) throws NetException {
        for (Effect effect : machine.apply(event, ctx.now())) {
            carryOut(effect);
        }
    }

    /** As {@link #apply}, for work no caller waits on: a socket error is logged. */
    private void applyLogging(Event event) {
        try {
            apply(event);
        } catch (NetException e) {
            LOG.error("{}: {}", machine.entry().key(), e.getMessage());
        }
    }

    private void carryOut(Effect effect) throws NetException {
        switch (effect) {
            case Effect.Bind b -> bind();
            case Effect.ArmTimer a ->
                    timers.put(
                            a.timer(),
                            ctx.scheduler()
                                    .schedule(
                                            a.at(),
                                            () -> {
                                                timers.remove(a.timer());
                                                applyLogging(new Event.TimerFired(a.timer()));
                                                update();
                                            }));
            case Effect.CancelTimer c -> {
                Scheduler.Cancellable armed = timers.remove(c.timer());
                if (armed != null) {
                    armed.cancel();
                }
            }
            case Effect.CloseSocket c -> {
                ctx.loop().unregister(c.fd());
                Net.close(c.fd());
            }
            case Effect.CloseConnection c -> Net.close(c.conn());
            case Effect.ServeInternal s -> {
                ctx.internalStarted();
                if (!ctx.streams().serve(s.name(), s.conn(), (service, f) -> ctx.loop().execute(this::internalDone))) {
                    internalDone(); // every streaming slot taken: the connection was closed, unserved
                }
            }
            case Effect.Spawn s -> spawn(s);
            case Effect.LendSocket l -> {
                Net.setBlocking(l.fd(), true);
                apply(new Event.WaitServerLaunched(ctx.launcher().launch(l.entry(), l.fd(), Optional.empty())));
            }
            case Effect.ReclaimSocket r -> {
                Net.setBlocking(r.fd(), false);
                if (r.dropRequest()) {
                    dropRequest(r.fd());
                }
            }
            case Effect.Answer a -> {
                Optional<byte[]> reply = ctx.datagrams().reply(a.name(), a.request(), ctx.now());
                if (reply.isPresent()) {
                    Net.send(a.fd(), reply.get(), a.to());
                }
            }
            case Effect.Track t -> ctx.childStarted(this, t.pid(), t.peer());
            case Effect.Kill k -> {
                if (!Posix.killGroup(k.pid(), SIGKILL)) {
                    Posix.kill(k.pid(), SIGKILL);
                }
            }
            case Effect.CapacityChanged c -> ctx.capacityChanged();
            case Effect.Log l -> {
                switch (l.level()) {
                    case INFO -> LOG.info("{}", l.message());
                    case WARN -> LOG.warn("{}", l.message());
                    case ERROR -> LOG.error("{}", l.message());
                }
            }
            case Effect.Trace t -> {
                if (ctx.trace()) {
                    LOG.info("{}", t.message());
                } else {
                    LOG.debug("{}", t.message());
                }
            }
        }
    }

    /** Spawns off the loop thread (posix_spawn waits for the exec); the result comes back on the loop. */
    private void spawn(Effect.Spawn s) {
        ctx.spawnStarted();
        ctx.spawner()
                .execute(
                        () -> {
                            Launch launch = ctx.launcher().launch(s.entry(), s.conn(), Optional.of(s.peer()));
                            Net.close(s.conn());
                            ctx.loop()
                                    .execute(
                                            () -> {
                                                ctx.spawnEnded();
                                                applyLogging(new Event.Spawned(launch, s.peer()));
                                                update();
                                            });
                        });
    }

    private void internalDone() {
        applyLogging(new Event.InternalEnded());
        ctx.internalEnded();
        update();
    }

    /** After a failed start, drop the request that woke us so the loop does not spin on it. */
    private void dropRequest(int fd) throws NetException {
        if (machine.entry().protocol().isStream()) {
            Optional<Integer> c = Net.accept(fd);
            c.ifPresent(Net::close);
        } else {
            Net.receive(fd, 65536);
        }
    }
}
