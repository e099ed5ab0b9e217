package org.opensrc.inetd.net;

import org.opensrc.libsrc.posix.Epoll;

import java.time.Duration;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One platform thread waiting in {@code epoll_wait} (libsrc's {@link Epoll}): readiness of registered descriptors,
 * tasks submitted by other threads (woken through an eventfd) and timers. Handlers and tasks run on the loop thread,
 * one at a time, so the state they touch needs no locks. {@link #execute}, {@link #call} and {@link #stop} may be
 * called from any thread; everything else from the loop thread (or before it starts).
 */
public final class EventLoop implements AutoCloseable {
    /** Called on the loop thread when a registered descriptor is readable (or in error). */
    @FunctionalInterface
    public interface Handler {
        void ready(int fd);
    }

    /** A pending timer; cancel is idempotent. */
    public interface Timer {
        void cancel();
    }

    private static final int MAX_EVENTS = 64;

    private final Epoll epoll = new Epoll(MAX_EVENTS);
    private final Map<Integer, Handler> handlers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<TimerTask> timers = new PriorityQueue<>();
    private volatile boolean running = true;
    private volatile boolean closed;
    private volatile Thread thread;
    private long sequence;

    private final class TimerTask implements Timer, Comparable<TimerTask> {
        final long deadline;
        final long order = sequence++;
        final Runnable action;
        boolean cancelled;

        TimerTask(long deadline, Runnable action) {
            this.deadline = deadline;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(TimerTask o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    /** Starts the loop on a new platform thread. */
    public Thread start(String name) {
        Thread t = Thread.ofPlatform().name(name).daemon(false).unstarted(this::run);
        thread = t;
        t.start();
        return t;
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Watches {@code fd} for readability. */
    public void register(int fd, Handler handler) {
        if (handlers.putIfAbsent(fd, handler) != null) {
            throw new IllegalStateException("fd already registered: " + fd);
        }
        epoll.add(fd, fd);
    }

    /** Stops watching {@code fd} (it stays open). */
    public void unregister(int fd) {
        if (handlers.remove(fd) != null) {
            int ignored = epoll.delete(fd);
        }
    }

    public boolean isRegistered(int fd) {
        return handlers.containsKey(fd);
    }

    /** Runs {@code task} on the loop thread, soon. */
    public void execute(Runnable task) {
        tasks.add(task);
        wake();
    }

    /** Runs {@code task} on the loop thread and completes with its result. */
    public <T> CompletableFuture<T> call(Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Runnable r =
                () -> {
                    try {
                        f.complete(task.call());
                    } catch (Exception e) {
                        f.completeExceptionally(e);
                    }
                };
        if (inLoop()) {
            r.run();
        } else {
            execute(r);
        }
        return f;
    }

    /** Runs {@code action} on the loop thread after {@code delay}. Loop thread only. */
    public Timer schedule(Duration delay, Runnable action) {
        TimerTask t = new TimerTask(System.nanoTime() + delay.toNanos(), action);
        timers.add(t);
        return t;
    }

    /** Makes {@link #run} return after the current round. */
    public void stop() {
        running = false;
        wake();
    }

    /** The loop body; returns after {@link #stop}. */
    public void run() {
        if (thread == null) {
            thread = Thread.currentThread();
        }
        while (running) {
            int n = epoll.await(timeoutMillis());
            for (int i = 0; i < n; i++) {
                long data = epoll.data(i);
                if (data == Epoll.WAKE) {
                    epoll.clearWake();
                    continue;
                }
                int fd = (int) data;
                Handler h = handlers.get(fd);
                if (h != null) {
                    h.ready(fd);
                }
            }
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
            long now = System.nanoTime();
            while (!timers.isEmpty() && timers.peek().deadline - now <= 0) {
                TimerTask t = timers.poll();
                if (!t.cancelled) {
                    t.action.run();
                }
            }
        }
    }

    private int timeoutMillis() {
        if (!tasks.isEmpty()) {
            return 0;
        }
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
        if (timers.isEmpty()) {
            return -1;
        }
        long nanos = timers.peek().deadline - System.nanoTime();
        return nanos <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (nanos + 999_999) / 1_000_000);
    }

    private void wake() {
        if (!closed) {
            epoll.wake();
        }
    }

    @Override
    public void close() {
        closed = true;
        epoll.close();
    }
}
