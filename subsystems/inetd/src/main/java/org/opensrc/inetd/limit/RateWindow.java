package org.opensrc.inetd.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/** Events within a sliding window (a minute for inetd's limits); pure, time is passed in. */
public final class RateWindow {
    private final Duration window;
    private final ArrayDeque<Instant> events = new ArrayDeque<>();

    public RateWindow(Duration window) {
        this.window = window;
    }

    /** Records an event at {@code now} unless {@code max} events already fell in the window; max 0 = no limit. */
    public boolean tryAcquire(Instant now, int max) {
        prune(now);
        if (max > 0 && events.size() >= max) {
            return false;
        }
        events.addLast(now);
        return true;
    }

    public int count(Instant now) {
        prune(now);
        return events.size();
    }

    public boolean isEmpty(Instant now) {
        return count(now) == 0;
    }

    /** Forgets every event (a fresh start after a back-off). */
    public void clear() {
        events.clear();
    }

    private void prune(Instant now) {
        Instant from = now.minus(window);
        while (!events.isEmpty() && !events.peekFirst().isAfter(from)) {
            events.removeFirst();
        }
    }
}
