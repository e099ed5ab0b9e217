package org.opensrc.srcmstr.requests;

import java.util.Objects;

/**
 * A subserver as {@code -t type [-o object] [-P subserver pid] [-p subsystem pid]} names it; the pids are 0 when not
 * given.
 */
public record SubserverRef(String type, String object, int subserverPid, int subsystemPid) {

    public SubserverRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(object, "object");
    }
}
