package org.opensrc.libsrc.client;

import java.io.IOException;
import java.nio.channels.Channel;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounds blocking socket I/O in time: at the deadline, unless closed before, it closes the sockets it watches, which
 * ends any read or write blocked on them. One thread parked until then; {@link #close()} releases it.
 */
final class Watchdog implements AutoCloseable {

    private final long deadlineNanos;
    private final Thread thread;
    private volatile boolean disarmed;
    private volatile boolean fired;
    private Channel watched;

    private Watchdog(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        this.thread = Thread.ofPlatform().daemon().name("src-client-deadline").unstarted(this::await);
    }

    /** A watchdog firing {@code nanos} from now ({@link System#nanoTime()} clock). */
    static Watchdog after(long nanos) {
        var watchdog = new Watchdog(System.nanoTime() + nanos);
        watchdog.thread.start();
        return watchdog;
    }

    /** The time until the deadline, zero once it has passed. */
    Duration timeLeft() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    synchronized void watch(Channel channel) {
        watched = channel;
        if (fired) {
            closeQuietly(channel);
        }
    }

    /** Whether the deadline passed before {@link #close()}: a failure seen since is the deadline's doing. */
    boolean fired() {
        return fired;
    }

    private void await() {
        long left;
        while (!disarmed && (left = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
        synchronized (this) {
            if (!disarmed) {
                fired = true;
                Channel channel = watched;
                if (channel != null) {
                    closeQuietly(channel);
                }
            }
        }
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the socket is being abandoned either way
        }
    }

    /** Disarms the watchdog: once this returns, it closes nothing. */
    @Override
    public void close() {
        synchronized (this) {
            disarmed = true;
        }
        LockSupport.unpark(thread);
    }
}
