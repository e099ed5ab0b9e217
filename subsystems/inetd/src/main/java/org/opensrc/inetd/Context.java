package org.opensrc.inetd;

import org.opensrc.inetd.access.AccessList;
import org.opensrc.inetd.access.HostsAccess;
import org.opensrc.inetd.config.ServiceEntry;
import org.opensrc.inetd.internal.DatagramInternals;
import org.opensrc.inetd.internal.LoopGuard;
import org.opensrc.inetd.internal.StreamInternals;
import org.opensrc.inetd.limit.ChildBudget;
import org.opensrc.inetd.net.EventLoop;
import org.opensrc.inetd.service.Scheduler;
import org.opensrc.inetd.spawn.ChildLauncher;
import org.opensrc.libsrc.posix.ExitStatus;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.IntPredicate;

/**
 * What every {@link ServiceRuntime} shares: the loop and its scheduler, the launcher, the internal services, access
 * control, and the global load (the table of running children, internal streams and spawns under way) against the
 * global cap. Its counters change only through its methods. Touched on the loop thread only, except {@link #trace}.
 */
final class Context {
    /** A running child: whose it is, who it serves, since when. */
    record Child(ServiceRuntime service, int pid, Optional<InetSocketAddress> peer, Instant started) {}

    private final EventLoop loop;
    private final Scheduler scheduler;
    private final ChildLauncher launcher;

    /** Runs {@link ChildLauncher#launch} for nowait services off the loop thread. */
    private final Executor spawner;

    private final Clock clock;
    private final StreamInternals streams;
    private final DatagramInternals datagrams;
    private final ChildBudget budget;
    private final IntPredicate watchExit;
    private final Runnable capacityChanged;
    private final AccessList access = AccessList.OPEN;
    private final Map<Integer, Child> children = new HashMap<>();
    private volatile boolean trace;
    private HostsAccess hosts = HostsAccess.none();
    private LoopGuard guard = new LoopGuard(Set.of());
    private int internalStreams;

    /** nowait children being spawned right now: they count against every limit already. */
    private int pendingSpawns;

    /**
     * @param watchExit starts watching a child's exit; false when it was already reaped elsewhere
     * @param capacityChanged runs when something stopped running, so services at a cap may be polled again
     */
    Context(
            EventLoop loop,
            Scheduler scheduler,
            ChildLauncher launcher,
            Executor spawner,
            Clock clock,
            StreamInternals streams,
            ChildBudget budget,
            IntPredicate watchExit,
            Runnable capacityChanged) {
        this.loop = loop;
        this.scheduler = scheduler;
        this.launcher = launcher;
        this.spawner = spawner;
        this.clock = clock;
        this.streams = streams;
        this.datagrams = new DatagramInternals(clock.getZone());
        this.budget = budget;
        this.watchExit = watchExit;
        this.capacityChanged = capacityChanged;
    }

    EventLoop loop() {
        return loop;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    ChildLauncher launcher() {
        return launcher;
    }

    Executor spawner() {
        return spawner;
    }

    StreamInternals streams() {
        return streams;
    }

    DatagramInternals datagrams() {
        return datagrams;
    }

    LoopGuard guard() {
        return guard;
    }

    Instant now() {
        return clock.instant();
    }

    boolean trace() {
        return trace;
    }

    void setTrace(boolean on) {
        trace = on;
    }

    /** The hosts.allow/hosts.deny rules of a newly loaded configuration. */
    void useHostsAccess(HostsAccess hostsAccess) {
        this.hosts = hostsAccess;
    }

    /** The UDP loop guard of a newly loaded configuration (the ports of the internal datagram services). */
    void useGuard(LoopGuard loopGuard) {
        this.guard = loopGuard;
    }

    int totalRunning() {
        return children.size() + internalStreams + pendingSpawns;
    }

    boolean hasGlobalRoom() {
        return budget.hasRoom(totalRunning());
    }

    /** Access control for a client of {@code entry}: the address lists, then hosts.allow/hosts.deny. */
    boolean permits(ServiceEntry entry, InetAddress client) {
        return access.permits(client)
                && hosts.permits(daemonName(entry), client)
                && hosts.permits(entry.name(), client);
    }

    /** The daemon name for hosts_access: the program run (past tcpd), or the service name for internals. */
    static String daemonName(ServiceEntry entry) {
        if (entry.isInternal()) {
            return entry.name();
        }
        String program =
                entry.server().endsWith("/tcpd") && !entry.args().isEmpty() ? entry.args().getFirst() : entry.server();
        return program.substring(program.lastIndexOf('/') + 1);
    }

    /** A nowait spawn begins: it counts against the global cap until {@link #spawnEnded}. */
    void spawnStarted() {
        pendingSpawns++;
    }

    void spawnEnded() {
        pendingSpawns--;
    }

    void childStarted(ServiceRuntime service, int pid, Optional<InetSocketAddress> peer) {
        children.put(pid, new Child(service, pid, peer, now()));
        if (!watchExit.test(pid)) {
            // already reaped elsewhere: nobody will report it, so account for it now
            loop.execute(() -> childExited(pid, new ExitStatus.Unknown()));
        }
    }

    /** Routes an exit to its service; unknown pids (not ours) are ignored. */
    void childExited(int pid, ExitStatus status) {
        Child c = children.remove(pid);
        if (c != null) {
            c.service().childExited(c, status);
            capacityChanged.run();
        }
    }

    /** Pids of {@code service}'s running children. */
    List<Integer> pidsOf(ServiceRuntime service) {
        return children.values().stream().filter(c -> c.service() == service).map(Child::pid).toList();
    }

    void internalStarted() {
        internalStreams++;
    }

    void internalEnded() {
        internalStreams--;
        capacityChanged.run();
    }

    /** Something of some service stopped running (a failed spawn): services at a cap may be polled again. */
    void capacityChanged() {
        capacityChanged.run();
    }
}
