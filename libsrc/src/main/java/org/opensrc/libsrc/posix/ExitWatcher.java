package org.opensrc.libsrc.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reports process exits within milliseconds, without polling: one platform daemon thread, "pidfd-watcher", waits in
 * {@code epoll_wait} on a pidfd per watched process. When one becomes readable, a child of ours is reaped through its
 * pidfd ({@code waitid(P_PIDFD)}, immune to pid reuse) and its status delivered; a process that is not our child is
 * delivered as {@link ExitStatus.Unknown}. The pidfd is then closed.
 *
 * <p>The sink runs on the watcher thread; it must be quick and must not throw (hand the event to the caller's own
 * queue). {@link #watch} and {@link #unwatch} may be called from any thread.
 */
public final class ExitWatcher implements AutoCloseable {

    private static final int MAX_EVENTS = 32;
    private static final long PIDFD_OPEN_SYSCALL = 434;

    private final Consumer<ExitEvent> sink;
    private final Object lock = new Object();
    private final Map<Integer, Integer> pidfds = new HashMap<>(); // pid -> pidfd, guarded by lock
    private final Epoll epoll;
    private final Thread thread;
    private boolean closed; // guarded by lock
    private boolean released; // guarded by lock: the fds above are closed

    public ExitWatcher(Consumer<ExitEvent> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.epoll = new Epoll(MAX_EVENTS);
        this.thread = Thread.ofPlatform().daemon().name("pidfd-watcher").unstarted(this::run);
        thread.start();
    }

    /**
     * Watches {@code pid}; its exit will be delivered once. False if the process is already gone (a child that exited
     * but is not reaped yet still counts as present).
     */
    public boolean watch(int pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("watch needs a positive pid, got " + pid);
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("ExitWatcher is closed");
            }
            if (pidfds.containsKey(pid)) {
                return true;
            }
            int pidfd = pidfdOpen(pid);
            if (pidfd < 0) {
                return false;
            }
            epoll.add(pidfd, ((long) pid << 32) | (pidfd & 0xffffffffL));
            pidfds.put(pid, pidfd);
            return true;
        }
    }

    /**
     * Stops watching {@code pid}: a later exit is neither reaped nor delivered. An exit the watcher thread already
     * collected may still be delivered.
     */
    public void unwatch(int pid) {
        synchronized (lock) {
            Integer pidfd = pidfds.remove(pid);
            if (pidfd != null && !released) {
                stopPolling(pidfd);
                Posix.close(pidfd);
            }
        }
    }

    /** The pids watched now: keep them out of {@link Posix#reapOrphans}. */
    public Set<Integer> watched() {
        synchronized (lock) {
            return Set.copyOf(pidfds.keySet());
        }
    }

    /** Stops the watcher thread and closes every pidfd. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (!released) {
                epoll.wake();
            }
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (!isClosed()) {
                int n = epoll.await(-1);
                for (int i = 0; i < n; i++) {
                    long data = epoll.data(i);
                    if (data != Epoll.WAKE) {
                        collect((int) (data >>> 32), (int) data).ifPresent(sink);
                    }
                }
            }
        } finally {
            release();
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Reaps the exited process behind {@code pidfd}, if it is still ours to report. */
    private Optional<ExitEvent> collect(int pid, int pidfd) {
        synchronized (lock) {
            Integer current = pidfds.get(pid);
            if (current == null || current != pidfd) {
                return Optional.empty(); // unwatched meanwhile
            }
            Optional<ExitStatus> status = waitPidfd(pidfd);
            if (status.isEmpty()) {
                return Optional.empty(); // a stale event for a reused fd number; still running
            }
            pidfds.remove(pid);
            stopPolling(pidfd);
            Posix.close(pidfd);
            return Optional.of(new ExitEvent(pid, status.get()));
        }
    }

    /** The status of the exited process, Unknown if not our child, empty if it still runs. */
    private static Optional<ExitStatus> waitPidfd(int pidfd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment info = arena.allocate(Posix.SIGINFO_SIZE, 8);
            while (true) {
                int r = (int) H.WAITID.invokeExact(cap, Posix.P_PIDFD, pidfd, info, Posix.WEXITED | Posix.WNOHANG);
                if (r == 0) {
                    if (info.get(JAVA_INT, 16) == 0) {
                        return Optional.empty();
                    }
                    return Optional.of(ExitStatus.fromSiginfo(info.get(JAVA_INT, 8), info.get(JAVA_INT, 24)));
                }
                int errno = Libc.errno(cap);
                if (errno == Libc.ECHILD) {
                    return Optional.of(new ExitStatus.Unknown());
                }
                if (errno != Libc.EINTR) {
                    throw new PosixException("waitid(P_PIDFD)", errno);
                }
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private void release() {
        synchronized (lock) {
            closed = true;
            released = true;
            for (int pidfd : pidfds.values()) {
                Posix.close(pidfd);
            }
            pidfds.clear();
            epoll.close();
        }
    }

    private void stopPolling(int pidfd) {
        int errno = epoll.delete(pidfd);
        if (errno != 0) {
            throw new PosixException("epoll_ctl(2, " + pidfd + ")", errno);
        }
    }

    /** A pidfd for {@code pid}, or -1 if there is no such process. */
    private static int pidfdOpen(int pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            long fd = (long) H.SYSCALL.invokeExact(cap, PIDFD_OPEN_SYSCALL, pid, 0);
            if (fd >= 0) {
                return (int) fd;
            }
            if (Libc.errno(cap) == Libc.ESRCH) {
                return -1;
            }
            throw new PosixException("pidfd_open(" + pid + ")", Libc.errno(cap));
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static final class H {
        static final MethodHandle WAITID =
                Libc.errnoHandle("waitid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle SYSCALL =
                Libc.errnoHandle(
                        "syscall",
                        FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT),
                        Linker.Option.firstVariadicArg(1));
    }
}
