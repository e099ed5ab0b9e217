package org.opensrc.inetd.service;

import java.time.Instant;

/**
 * Runs an action at a time of the injected clock, on the thread that owns the services (inetd's loop). The real one is
 * inetd's loop timer; tests use a manual one that moves only when told.
 */
public interface Scheduler {

    /** Runs {@code action} at {@code at}, or soon if that is past. */
    Cancellable schedule(Instant at, Runnable action);

    /** A scheduled action that can be called off; cancelling twice is harmless. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
