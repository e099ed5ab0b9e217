package org.opensrc.srcmstr.supervise;

import org.opensrc.libsrc.posix.Posix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * srcmstr is a child subreaper: processes orphaned inside a subsystem's tree (a daemon's intermediate fork, notify
 * methods) become its children and must be reaped. Subsystem deaths are events (pidfds); this sweep only clears the
 * zombies nobody watches, on its own thread "orphan-sweep", every second, never touching a watched pid.
 */
public final class OrphanSweep implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanSweep.class);
    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().daemon().name("orphan-sweep").unstarted(r));

    public OrphanSweep(Supplier<Set<Integer>> watched) {
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        for (var reaped : Posix.reapOrphans(watched.get())) {
                            LOG.debug("reaped orphan {}", reaped);
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("orphan sweep failed; trying again in {}", PERIOD, e);
                    }
                },
                0,
                PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
