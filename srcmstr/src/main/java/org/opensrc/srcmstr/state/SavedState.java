package org.opensrc.srcmstr.state;

import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.SubsystemRecord;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What srcmstr runs (read from {@code $SRC_ROOT/var/lib/src/state.json} and its journal, {@link StateFile}), enough for
 * the next srcmstr to find and re-adopt it.
 *
 * @param runId the srcmstr run that wrote it; spawn markers ({@code SRC_INSTANCE}) start with it
 * @param savedAt epoch ms of the snapshot
 * @param instances running instances
 * @param spawning spawns ordered whose process was not yet recorded (found again by marker)
 * @param retries back-off restarts put off
 * @param subsystems per subsystem name: want, death series, restarts, last exit
 */
public record SavedState(
        int version,
        String runId,
        long savedAt,
        List<Instance> instances,
        List<Spawn> spawning,
        List<Retry> retries,
        Map<String, SubsystemRecord> subsystems) {

    /** The file format version this srcmstr reads and writes. */
    public static final int VERSION = 2;

    public SavedState {
        Objects.requireNonNull(runId, "runId");
        instances = List.copyOf(instances);
        spawning = List.copyOf(spawning);
        retries = List.copyOf(retries);
        subsystems = Map.copyOf(subsystems);
    }

    /**
     * One running instance.
     *
     * @param startTime field 22 of /proc/pid/stat at spawn, 0 if unknown (never adopted then)
     * @param token the subsystem API token of a socket subsystem, "" if none
     * @param state "starting", "active", "stopping" or "warned to stop"
     * @param stop the stop asked ("NORMAL", "FORCED", "CANCEL"), "" if none
     */
    public record Instance(
            SubsystemDef definition,
            long pid,
            long startTime,
            long sessionId,
            List<String> args,
            List<String> env,
            String token,
            String state,
            String stop) {
        public Instance {
            Objects.requireNonNull(definition, "definition");
            args = List.copyOf(args);
            env = List.copyOf(env);
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(stop, "stop");
        }
    }

    /** A spawn ordered before its pid was known: its process carries {@code SRC_INSTANCE=marker}. */
    public record Spawn(SubsystemDef definition, List<String> args, List<String> env, String marker) {
        public Spawn {
            Objects.requireNonNull(definition, "definition");
            args = List.copyOf(args);
            env = List.copyOf(env);
            Objects.requireNonNull(marker, "marker");
        }
    }

    /** A back-off restart due at {@code at} (epoch ms). */
    public record Retry(SubsystemDef definition, List<String> args, List<String> env, long at) {
        public Retry {
            Objects.requireNonNull(definition, "definition");
            args = List.copyOf(args);
            env = List.copyOf(env);
        }
    }
}
