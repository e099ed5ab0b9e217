package org.opensrc.srcmstr.supervise;

import java.util.List;

/** Told when a watched process ended; called on any thread, must only enqueue. */
@FunctionalInterface
public interface DeathListener {

    /**
     * @param exitDescription e.g. "exit 1", "signal 9"
     * @param survivors live pids still in the process's session (or its descendants), oldest first
     */
    void died(long pid, String exitDescription, List<Long> survivors);
}
