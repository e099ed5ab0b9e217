package org.opensrc.srcmstr.supervise;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock and scheduler that move only when a test calls {@link #advance}; due actions run on that call. */
final class ManualScheduler implements Scheduler, InstantSource {

    private record Task(long at, long seq, Runnable action) {}

    private final List<Task> tasks = new ArrayList<>();
    private long now = 1_000_000;
    private long seq;

    @Override
    public synchronized long millis() {
        return now;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public synchronized Cancellable schedule(long atMillis, Runnable action) {
        Task task = new Task(atMillis, seq++, action);
        tasks.add(task);
        notifyAll();
        return () -> {
            synchronized (this) {
                tasks.remove(task);
            }
        };
    }

    synchronized int pending() {
        return tasks.size();
    }

    /** Whether an action is scheduled for exactly {@code atMillis}. */
    synchronized boolean hasTaskAt(long atMillis) {
        return tasks.stream().anyMatch(t -> t.at() == atMillis);
    }

    /**
     * Blocks until some thread schedules an action for exactly {@code atMillis} (woken by {@link #schedule}, no
     * polling); fails after five seconds of real time.
     */
    synchronized void awaitTaskAt(long atMillis) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!hasTaskAt(atMillis)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("nothing was scheduled for " + atMillis + "; pending: " + tasks);
            }
            wait(left / 1_000_000 + 1);
        }
    }

    /** Moves the clock on and runs, in time order, every action that became due. */
    void advance(long ms) {
        long target;
        synchronized (this) {
            target = now + ms;
        }
        while (true) {
            Task due;
            synchronized (this) {
                due =
                        tasks.stream()
                                .filter(t -> t.at() <= target)
                                .min(Comparator.comparingLong(Task::at).thenComparingLong(Task::seq))
                                .orElse(null);
                if (due == null) {
                    now = target;
                    return;
                }
                tasks.remove(due);
                now = Math.max(now, due.at());
            }
            due.action().run();
        }
    }
}
