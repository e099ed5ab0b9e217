package org.opensrc.inetd;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.opensrc.inetd.access.AccessList;
import org.opensrc.inetd.access.HostsAccess;
import org.opensrc.inetd.config.ServiceEntry;
import org.opensrc.inetd.internal.DatagramInternals;
import org.opensrc.inetd.internal.LoopGuard;
import org.opensrc.inetd.internal.StreamInternals;
import org.opensrc.inetd.limit.ChildBudget;
import org.opensrc.inetd.net.EventLoop;
import org.opensrc.inetd.spawn.ChildLauncher;
import org.opensrc.libsrc.posix.ExitStatus;

/**
 * What every {@link ServiceRuntime} shares: the loop, the launcher, the internal services, access control,
 * the global child budget and the table of running children. Touched on the loop thread only, except
 * {@link #trace}.
 */
final class Context {
    /** A running child: whose it is, who it serves, since when. */
    record Child(ServiceRuntime service, int pid, Optional<InetSocketAddress> peer, long startNanos) {}

    final EventLoop loop;
    final ChildLauncher launcher;
    /** Runs {@link ChildLauncher#launch} for nowait services off the loop thread. */
    final java.util.concurrent.Executor spawner;
    final Clock clock;
    final StreamInternals streams;
    final DatagramInternals datagrams;
    final ChildBudget budget;
    final IntPredicate watchExit;
    final Map<Integer, Child> children = new HashMap<>();
    volatile boolean trace;
    HostsAccess hosts = HostsAccess.none();
    AccessList access = AccessList.OPEN;
    LoopGuard guard = new LoopGuard(java.util.Set.of());
    int internalStreams;
    /** nowait children being spawned right now: they count against every limit already. */
    int pendingSpawns;
    Runnable capacityChanged = () -> {};

    Context(EventLoop loop, ChildLauncher launcher, java.util.concurrent.Executor spawner, Clock clock,
            StreamInternals streams, ChildBudget budget, IntPredicate watchExit) {
        this.loop = loop;
        this.launcher = launcher;
        this.spawner = spawner;
        this.clock = clock;
        this.streams = streams;
        this.datagrams = new DatagramInternals(clock.getZone());
        this.budget = budget;
        this.watchExit = watchExit;
    }

    Instant now() {
        return clock.instant();
    }

    int totalRunning() {
        return children.size() + internalStreams + pendingSpawns;
    }

    boolean hasGlobalRoom() {
        return budget.hasRoom(totalRunning());
    }

    /** Access control for a client of {@code entry}: the address lists, then hosts.allow/hosts.deny. */
    boolean permits(ServiceEntry entry, InetAddress client) {
        return access.permits(client) && hosts.permits(daemonName(entry), client)
                && hosts.permits(entry.name(), client);
    }

    /** The daemon name for hosts_access: the program run (past tcpd), or the service name for internals. */
    static String daemonName(ServiceEntry entry) {
        if (entry.isInternal()) {
            return entry.name();
        }
        String program = entry.server().endsWith("/tcpd") && !entry.args().isEmpty()
                ? entry.args().getFirst() : entry.server();
        return program.substring(program.lastIndexOf('/') + 1);
    }

    void childStarted(ServiceRuntime service, int pid, Optional<InetSocketAddress> peer) {
        children.put(pid, new Child(service, pid, peer, System.nanoTime()));
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

    void internalStarted() {
        internalStreams++;
    }

    void internalEnded() {
        internalStreams--;
        capacityChanged.run();
    }
}
