package org.opensrc.srcmstr.supervise;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.opensrc.libsrc.posix.Posix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * srcmstr is a child subreaper: processes orphaned inside a subsystem's tree (a daemon's
 * intermediate fork, notify methods) become its children and must be reaped. Subsystem
 * deaths are events (pidfds); this sweep only clears the zombies nobody watches, on its
 * own thread "orphan-sweep", every second, never touching a watched pid.
 */
public final class OrphanSweep implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanSweep.class);
    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final Thread thread;
    private volatile boolean running = true;

    public OrphanSweep(Supplier<Set<Integer>> watched) {
        thread = Thread.ofPlatform().daemon().name("orphan-sweep").start(() -> {
            while (running) {
                for (var reaped : Posix.reapOrphans(watched.get())) {
                    LOG.debug("reaped orphan {}", reaped);
                }
                try {
                    Thread.sleep(PERIOD);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
