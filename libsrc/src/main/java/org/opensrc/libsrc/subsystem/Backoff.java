package org.opensrc.libsrc.subsystem;

import java.time.Duration;

/** Reconnect delays: {@code first}, doubling up to {@code max}; reset after a success. */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    synchronized Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return now;
    }

    synchronized void reset() {
        next = first;
    }
}
