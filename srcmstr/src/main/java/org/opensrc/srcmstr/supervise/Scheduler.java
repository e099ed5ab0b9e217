package org.opensrc.srcmstr.supervise;

/** Runs an action at a time of the injected clock; tests use a manual one that never sleeps. */
public interface Scheduler {

    /** Runs {@code action} (which must only enqueue) at {@code atMillis}, or soon if that is past. */
    Cancellable schedule(long atMillis, Runnable action);

    /** A scheduled action that can be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
