package org.opensrc.srcmstr.supervise;

import java.util.Objects;

/**
 * What the supervisor remembers about a subsystem name beyond its instances: the operator's want, the death series the
 * respawn policy reads, and figures for status.
 *
 * @param restarts automatic restarts since srcmstr started
 * @param lastExit how the last instance ended ("" if none yet)
 */
public record SubsystemRecord(Want want, DeathHistory history, int restarts, String lastExit) {

    public static final SubsystemRecord NEW = new SubsystemRecord(Want.DOWN, DeathHistory.NONE, 0, "");

    public SubsystemRecord {
        Objects.requireNonNull(want, "want");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(lastExit, "lastExit");
    }

    public SubsystemRecord withWant(Want newWant) {
        return new SubsystemRecord(newWant, history, restarts, lastExit);
    }

    public SubsystemRecord withHistory(DeathHistory newHistory) {
        return new SubsystemRecord(want, newHistory, restarts, lastExit);
    }

    public SubsystemRecord withLastExit(String exit) {
        return new SubsystemRecord(want, history, restarts, exit);
    }

    public SubsystemRecord restarted() {
        return new SubsystemRecord(want, history, restarts + 1, lastExit);
    }
}
