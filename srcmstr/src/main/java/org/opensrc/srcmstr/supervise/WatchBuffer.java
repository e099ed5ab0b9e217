package org.opensrc.srcmstr.supervise;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between the supervision thread (which offers, and never waits) and one watcher's sender (which
 * takes, and waits). When an offer finds it full, the supervision thread throws away what is queued and queues a {@link
 * WatchEvent.Lost} and a fresh {@link WatchEvent.Snapshot} instead ({@link #restart}): a slow reader costs srcmstr at
 * most {@code capacity} events of memory and never a wait.
 */
public final class WatchBuffer {

    private final int capacity;
    private final ArrayDeque<WatchEvent> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean closed;

    /**
     * @param capacity most changes queued; a snapshot and its lost notice come on top
     */
    public WatchBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a watch buffer holds at least one event: " + capacity);
        }
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    /** Queues {@code event} unless the buffer is full (false: nothing was queued) or closed (true, dropped). */
    boolean offer(WatchEvent event) {
        lock.lock();
        try {
            if (closed) {
                return true;
            }
            if (queue.size() >= capacity && !(event instanceof WatchEvent.Snapshot)) {
                return false;
            }
            queue.add(event);
            changed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Throws away everything queued and queues the notice of the changes lost ({@code notQueued} that never fit, those
     * thrown away, and those of a lost notice not read yet) and {@code snapshot}.
     */
    void restart(WatchEvent.Snapshot snapshot, long atMillis, long notQueued) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            long dropped = notQueued;
            for (WatchEvent queued : queue) {
                switch (queued) {
                    case WatchEvent.Changed c -> dropped++;
                    case WatchEvent.Lost l -> dropped += l.dropped(); // not read yet: told again, summed
                    case WatchEvent.Snapshot s -> {}
                }
            }
            queue.clear();
            queue.add(new WatchEvent.Lost(snapshot.sequence(), atMillis, dropped));
            queue.add(snapshot);
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next event, waiting for one; null once the buffer is closed. */
    public WatchEvent take() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !closed) {
                changed.await();
            }
            return closed ? null : queue.poll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next event, waiting at most {@code timeout} for one; null when none came in time or the buffer is closed
     * ({@link #closed} tells which).
     */
    public WatchEvent take(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (queue.isEmpty() && !closed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return closed ? null : queue.poll();
        } finally {
            lock.unlock();
        }
    }

    /** The next event, or null when none is queued (or the buffer is closed). */
    public WatchEvent poll() {
        lock.lock();
        try {
            return closed ? null : queue.poll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the watch: the supervision thread forgets this buffer, {@link #take} returns null. Any thread. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }
}
