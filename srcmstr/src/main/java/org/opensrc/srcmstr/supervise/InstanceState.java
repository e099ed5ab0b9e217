package org.opensrc.srcmstr.supervise;

/**
 * What one running instance is doing. Every state holds a pid because an instance exists only while a process runs; a
 * subsystem with no instance is inoperative. Times are epoch milliseconds from the injected clock.
 */
public sealed interface InstanceState {

    /** The process currently followed for this instance. */
    long pid();

    /** The same state, following another process (a daemon that forked away). */
    InstanceState withPid(long newPid);

    /** The word {@code lssrc} shows. */
    default StatusWord word() {
        return switch (this) {
            case Starting s -> StatusWord.STARTING;
            case Active a -> StatusWord.ACTIVE;
            case Stopping s -> StatusWord.STOPPING;
            case WarnedToStop w -> StatusWord.WARNED_TO_STOP;
        };
    }

    /** Spawned, waiting for its readiness notification (only with {@code extensions.readiness}). */
    record Starting(long pid, long since) implements InstanceState {
        public Starting {
            requirePid(pid);
        }

        @Override
        public Starting withPid(long newPid) {
            return new Starting(newPid, since);
        }
    }

    /** Running normally. */
    record Active(long pid, long since) implements InstanceState {
        public Active {
            requirePid(pid);
        }

        @Override
        public Active withPid(long newPid) {
            return new Active(newPid, since);
        }
    }

    /** A normal or forced stop was sent; the process has not exited yet. */
    record Stopping(long pid, StopType kind, long since) implements InstanceState {
        public Stopping {
            requirePid(pid);
            if (kind == StopType.CANCEL) {
                throw new IllegalArgumentException("a cancel stop is WarnedToStop, not Stopping");
            }
        }

        @Override
        public Stopping withPid(long newPid) {
            return new Stopping(newPid, kind, since);
        }
    }

    /** A cancel stop (or shutdown) sent SIGTERM; the whole tree is killed at {@code killAt}. */
    record WarnedToStop(long pid, long since, long killAt) implements InstanceState {
        public WarnedToStop {
            requirePid(pid);
        }

        @Override
        public WarnedToStop withPid(long newPid) {
            return new WarnedToStop(newPid, since, killAt);
        }
    }

    private static void requirePid(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive: " + pid);
        }
    }
}
