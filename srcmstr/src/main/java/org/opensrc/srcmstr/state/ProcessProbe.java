package org.opensrc.srcmstr.state;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** What re-adoption needs to know about the processes of this machine. */
public interface ProcessProbe {

    /** A process found by its spawn marker. {@code token} is its {@code SRC_TOKEN}, "" if none. */
    record Marked(long pid, long startTime, long sessionId, String token) {}

    /** The start time (field 22 of /proc/pid/stat) of a live, non-zombie {@code pid}; empty if gone. */
    OptionalLong startTime(long pid);

    /** The live processes whose environment holds {@code SRC_INSTANCE=m} for one of {@code markers}, by marker. */
    Map<String, Marked> findMarked(Set<String> markers);
}
