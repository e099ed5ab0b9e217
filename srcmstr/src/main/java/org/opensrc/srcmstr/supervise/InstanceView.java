package org.opensrc.srcmstr.supervise;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One line of short status ({@code lssrc}), with the extra figures {@code --json} shows.
 *
 * @param pid empty when inoperative
 * @param since when the current state began (epoch ms), empty when inoperative
 * @param restarts automatic restarts since srcmstr started
 * @param lastExit how the last instance ended ("" if none)
 * @param nextRetry when a back-off restart is due (epoch ms), empty if none
 */
public record InstanceView(
        String name,
        String group,
        OptionalLong pid,
        StatusWord status,
        boolean display,
        OptionalLong since,
        int restarts,
        String lastExit,
        OptionalLong nextRetry) {

    public InstanceView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastExit, "lastExit");
        Objects.requireNonNull(nextRetry, "nextRetry");
    }
}
