package org.opensrc.srcmstr.supervise;

import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link Scheduler} on one daemon thread named "supervision-timer"; actions only enqueue. */
public final class RealScheduler implements Scheduler, AutoCloseable {

    private final InstantSource clock;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().name("supervision-timer").daemon().unstarted(r));

    public RealScheduler(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public Cancellable schedule(long atMillis, Runnable action) {
        long delay = Math.max(0, atMillis - clock.millis());
        ScheduledFuture<?> future = executor.schedule(action, delay, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
