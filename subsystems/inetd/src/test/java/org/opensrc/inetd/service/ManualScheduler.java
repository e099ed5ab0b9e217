package org.opensrc.inetd.service;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock and scheduler that move only when a test calls {@link #advance}; due actions run on that call. */
final class ManualScheduler implements Scheduler, InstantSource {

    private record Task(Instant at, long seq, Runnable action) {}

    private final List<Task> tasks = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long seq;

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public Cancellable schedule(Instant at, Runnable action) {
        Task task = new Task(at, seq++, action);
        tasks.add(task);
        return () -> tasks.remove(task);
    }

    int pending() {
        return tasks.size();
    }

    /** Moves the clock on and runs, in time order, every action that became due. */
    void advance(Duration by) {
        Instant target = now.plus(by);
        while (true) {
            Task due =
                    tasks.stream()
                            .filter(t -> !t.at().isAfter(target))
                            .min(Comparator.comparing(Task::at).thenComparingLong(Task::seq))
                            .orElse(null);
            if (due == null) {
                now = target;
                return;
            }
            tasks.remove(due);
            if (due.at().isAfter(now)) {
                now = due.at();
            }
            due.action().run();
        }
    }
}
