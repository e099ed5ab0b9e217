package org.opensrc.srcmstr.supervise;

/**
 * The AIX rule ({@code RELIMIT} = 2): the series resets when more than {@code waittime} has passed since its first
 * death; a death is respawned at once if it is the first of a series, or fewer than 2 restarts were made within {@code
 * waittime} of the first. So at most 2 automatic restarts within {@code waittime}; the third death gives up.
 */
public record AixRespawnLimit(long windowMs) implements RespawnPolicy {

    /** Respawns allowed per window (AIX {@code RELIMIT}). */
    public static final int RELIMIT = 2;

    public AixRespawnLimit {
        if (windowMs <= 0) {
            throw new IllegalArgumentException("window must be positive: " + windowMs);
        }
    }

    @Override
    public RespawnDecision onAbnormalDeath(DeathHistory history, long upSinceMs, long now) {
        boolean newSeries = history.deaths() == 0 || now - history.firstDeathAt() > windowMs;
        if (newSeries) {
            return new RespawnDecision(new DeathHistory(1, now, 0), new RestartAt(now));
        }
        if (history.deaths() < RELIMIT) {
            DeathHistory next = new DeathHistory(history.deaths() + 1, history.firstDeathAt(), 0);
            return new RespawnDecision(next, new RestartAt(now));
        }
        return new RespawnDecision(DeathHistory.NONE, new GiveUp());
    }
}
