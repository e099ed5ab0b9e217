package org.opensrc.srcmstr.state;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Saves snapshots to a {@link StateFile} without making the supervision thread wait on the disk more than it must. An
 * urgent snapshot is written at once on the caller's thread (it returns when the state is durable); an ordinary one is
 * handed to the "state-writer" thread, which writes only the latest of a burst. Every snapshot has a sequence number
 * and a write never replaces a newer one, whichever thread does it.
 *
 * <p>A failed write is reported to {@code failures} (srcmstr logs it) and the next change tries again; supervision goes
 * on, as it must when the disk is full.
 */
public final class StateWriter implements AutoCloseable {

    private final StateFile file;
    private final Consumer<IOException> failures;
    private final Object lock = new Object();
    private final Thread thread;
    private long sequence; // guarded by lock: the last snapshot handed in
    private SavedState pending; // guarded by lock: the latest ordinary snapshot not written yet
    private long pendingSequence; // guarded by lock
    private long written; // guarded by lock: the sequence of what the file holds
    private boolean closed; // guarded by lock
    private int writes; // guarded by lock

    public StateWriter(StateFile file, Consumer<IOException> failures) {
        this.file = Objects.requireNonNull(file, "file");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.thread = Thread.ofPlatform().daemon().name("state-writer").start(this::run);
    }

    /**
     * Saves {@code state}: durably before returning when {@code urgent}, else soon. Returns the error of an urgent
     * write that failed (the caller must then not act as if it was saved); an ordinary save returns empty.
     */
    public Optional<IOException> save(SavedState state, boolean urgent) {
        long seq;
        synchronized (lock) {
            seq = ++sequence;
            if (!urgent) {
                pending = state;
                pendingSequence = seq;
                lock.notifyAll();
                return Optional.empty();
            }
            pending = null;
        }
        return write(state, seq);
    }

    /** Writes what is pending now, on the caller's thread (before srcmstr exits). */
    public void flush() {
        SavedState state;
        long seq;
        synchronized (lock) {
            state = pending;
            seq = pendingSequence;
            pending = null;
        }
        if (state != null) {
            write(state, seq);
        }
    }

    /** How many times the file was written (for tests and the log). */
    public int writes() {
        synchronized (lock) {
            return writes;
        }
    }

    /** Writes unless something newer is written already; the error if the write failed. */
    private Optional<IOException> write(SavedState state, long seq) {
        synchronized (file) {
            synchronized (lock) {
                if (seq <= written) {
                    return Optional.empty();
                }
            }
            try {
                file.write(state);
            } catch (IOException e) {
                failures.accept(e);
                return Optional.of(e);
            }
            synchronized (lock) {
                written = seq;
                writes++;
            }
            return Optional.empty();
        }
    }

    private void run() {
        while (true) {
            SavedState state;
            long seq;
            synchronized (lock) {
                while (pending == null && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending == null) {
                    return;
                }
                state = pending;
                seq = pendingSequence;
                pending = null;
            }
            write(state, seq);
        }
    }

    /** Writes what is pending and stops the writer thread. */
    @Override
    public void close() {
        flush();
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
