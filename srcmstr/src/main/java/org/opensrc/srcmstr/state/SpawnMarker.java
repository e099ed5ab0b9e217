package org.opensrc.srcmstr.state;

import org.opensrc.srcmstr.supervise.InstanceId;

/**
 * The environment word {@code SRC_INSTANCE=<run>.<instance>} every spawned process gets, so that a spawn srcmstr
 * ordered but died before recording can be found in /proc and adopted instead of started twice.
 */
public final class SpawnMarker {

    /** The environment variable. */
    public static final String VARIABLE = "SRC_INSTANCE";

    private SpawnMarker() {}

    /** The marker value of instance {@code id} of run {@code runId}. */
    public static String of(String runId, InstanceId id) {
        return runId + "." + id.value();
    }

    /** The environment word for instance {@code id} of run {@code runId}. */
    public static String word(String runId, InstanceId id) {
        return VARIABLE + "=" + of(runId, id);
    }
}
