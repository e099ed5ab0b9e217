package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.SubsystemDef;

/**
 * Decides what follows an abnormal death of a {@code RESPAWN} subsystem. A pure function of the death history, how long
 * the instance ran, and the clock.
 */
public sealed interface RespawnPolicy permits AixRespawnLimit, ExponentialBackoff {

    /** Back-off first delay when the definition leaves it 0. */
    long DEFAULT_BACKOFF_INITIAL_MS = 1_000;

    /** Back-off cap when the definition leaves it 0. */
    long DEFAULT_BACKOFF_MAX_MS = 300_000;

    /**
     * @param history the series so far (before this death)
     * @param upSinceMs when the instance that died was started (epoch ms)
     * @param now the time of the death (epoch ms)
     */
    RespawnDecision onAbnormalDeath(DeathHistory history, long upSinceMs, long now);

    /** AIX's limit by default; back-off when the definition opts in. */
    static RespawnPolicy of(SubsystemDef def) {
        SubsystemDef.Extensions ext = def.extensions();
        if (ext.backoff()) {
            long initial = ext.backoffInitialMs() > 0 ? ext.backoffInitialMs() : DEFAULT_BACKOFF_INITIAL_MS;
            long max =
                    ext.backoffMaxMs() > 0
                            ? Math.max(initial, ext.backoffMaxMs())
                            : Math.max(initial, DEFAULT_BACKOFF_MAX_MS);
            return new ExponentialBackoff(initial, max);
        }
        return new AixRespawnLimit(Waittime.millis(def));
    }

    /** What to do, and the history to keep. */
    record RespawnDecision(DeathHistory history, Verdict verdict) {}

    /** Restart at a time, or give up. */
    sealed interface Verdict {}

    /** Restart at {@code at} (epoch ms; {@code at <= now} means at once). */
    record RestartAt(long at) implements Verdict {}

    /** Stop trying: log 0513-020 and run the notify method. */
    record GiveUp() implements Verdict {}
}
