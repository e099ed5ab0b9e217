package org.opensrc.srcmstr.supervise;

import java.util.Objects;
import java.util.OptionalLong;

/** What a spawn gave: a process, or the stage that failed (nothing runs then). */
public sealed interface SpawnOutcome {

    /** A process runs as {@code pid}; {@code startTime} tells it apart from a later pid reuse. */
    record Spawned(long pid, OptionalLong startTime) implements SpawnOutcome {
        public Spawned {
            Objects.requireNonNull(startTime, "startTime");
        }
    }

    /** Nothing runs; {@code detail} says what was tried, for the log. */
    record Failed(SpawnStage stage, String detail) implements SpawnOutcome {
        public Failed {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
