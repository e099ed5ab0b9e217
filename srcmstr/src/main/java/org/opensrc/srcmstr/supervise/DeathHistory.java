package org.opensrc.srcmstr.supervise;

/**
 * The abnormal deaths of the current series of one subsystem, all a {@link RespawnPolicy} needs to decide.
 *
 * @param deaths abnormal deaths in the series (0 = no series)
 * @param firstDeathAt when the series began (epoch ms)
 * @param lastDelayMs the last back-off delay handed out (0 = none yet)
 */
public record DeathHistory(int deaths, long firstDeathAt, long lastDelayMs) {

    public static final DeathHistory NONE = new DeathHistory(0, 0, 0);

    public DeathHistory {
        if (deaths < 0 || lastDelayMs < 0) {
            throw new IllegalArgumentException("negative death history: " + deaths + ", " + lastDelayMs);
        }
    }
}
