package org.opensrc.srcmstr.state;

import org.opensrc.srcmstr.supervise.SubsystemRecord;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One line of {@code state.journal}: what changed in one save, entry by entry. The maps are keyed by instance id (in
 * decimal) or, for {@code subsystems}, by subsystem name; a null value removes that entry.
 *
 * @param seq the save's number in its journal, from 1
 * @param at epoch ms of the save
 */
public record JournalEntry(
        long seq,
        long at,
        Map<String, SavedState.Instance> instances,
        Map<String, SavedState.Spawn> spawning,
        Map<String, SavedState.Retry> retries,
        Map<String, SubsystemRecord> subsystems) {

    public JournalEntry {
        // null values mean "removed": Map.copyOf would refuse them
        instances = Collections.unmodifiableMap(new HashMap<>(instances));
        spawning = Collections.unmodifiableMap(new HashMap<>(spawning));
        retries = Collections.unmodifiableMap(new HashMap<>(retries));
        subsystems = Collections.unmodifiableMap(new HashMap<>(subsystems));
    }

    /** Nothing changed: no line is written. */
    public boolean nothingChanged() {
        return instances.isEmpty() && spawning.isEmpty() && retries.isEmpty() && subsystems.isEmpty();
    }
}
