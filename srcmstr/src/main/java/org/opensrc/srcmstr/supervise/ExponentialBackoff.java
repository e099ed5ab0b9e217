package org.opensrc.srcmstr.supervise;

/**
 * Opt-in back-off ({@code extensions.backoff}): never gives up; waits {@code initialMs}, then twice as long after each
 * further death, capped at {@code maxMs}. The series starts again when the instance stayed up longer than {@code
 * max(maxMs, 10 s)}.
 */
public record ExponentialBackoff(long initialMs, long maxMs) implements RespawnPolicy {

    /** The shortest run that counts as healthy and resets the back-off. */
    public static final long MIN_HEALTHY_RUN_MS = 10_000;

    public ExponentialBackoff {
        if (initialMs <= 0 || maxMs < initialMs) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max: " + initialMs + ", " + maxMs);
        }
    }

    @Override
    public RespawnDecision onAbnormalDeath(DeathHistory history, long upSinceMs, long now) {
        boolean healthyRun = now - upSinceMs > Math.max(maxMs, MIN_HEALTHY_RUN_MS);
        boolean newSeries = history.deaths() == 0 || healthyRun;
        long delay = newSeries ? initialMs : Math.min(maxMs, history.lastDelayMs() * 2);
        DeathHistory next =
                newSeries
                        ? new DeathHistory(1, now, delay)
                        : new DeathHistory(history.deaths() + 1, history.firstDeathAt(), delay);
        return new RespawnDecision(next, new RestartAt(now + delay));
    }
}
