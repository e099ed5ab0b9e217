package org.opensrc.inetd;

import org.opensrc.inetd.net.EventLoop;
import org.opensrc.inetd.service.Scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The real {@link Scheduler}: a timer of inetd's loop, due at a time of inetd's clock. Loop thread only. */
final class LoopScheduler implements Scheduler {
    private final EventLoop loop;
    private final Clock clock;

    LoopScheduler(EventLoop loop, Clock clock) {
        this.loop = loop;
        this.clock = clock;
    }

    @Override
    public Cancellable schedule(Instant at, Runnable action) {
        Duration delay = Duration.between(clock.instant(), at);
        EventLoop.Timer timer = loop.schedule(delay.isNegative() ? Duration.ZERO : delay, action);
        return timer::cancel;
    }
}
