package org.opensrc.srcmstr.state;

import org.opensrc.srcmstr.supervise.SubsystemRecord;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code state.json} as written since format 2: a {@link SavedState} at one moment, plus what ties it to the journal
 * ({@code state.journal}) of the changes made after it.
 *
 * @param journal the id of the journal that continues this image; a journal whose first line names another id is stale
 * @param ids the instance ids of the entries, list for list, so that journal entries can replace or remove them
 */
public record StateImage(
        int version,
        String runId,
        long savedAt,
        String journal,
        List<SavedState.Instance> instances,
        List<SavedState.Spawn> spawning,
        List<SavedState.Retry> retries,
        Map<String, SubsystemRecord> subsystems,
        Ids ids) {

    public StateImage {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(journal, "journal");
        instances = List.copyOf(instances);
        spawning = List.copyOf(spawning);
        retries = List.copyOf(retries);
        subsystems = Map.copyOf(subsystems);
        Objects.requireNonNull(ids, "ids");
    }

    /** The instance ids of {@link #instances}, {@link #spawning} and {@link #retries}, in their order. */
    public record Ids(List<Long> instances, List<Long> spawning, List<Long> retries) {
        public Ids {
            instances = List.copyOf(instances);
            spawning = List.copyOf(spawning);
            retries = List.copyOf(retries);
        }
    }

    /** The saved state this image holds (the journal not applied). */
    public SavedState state() {
        return new SavedState(version, runId, savedAt, instances, spawning, retries, subsystems);
    }
}
