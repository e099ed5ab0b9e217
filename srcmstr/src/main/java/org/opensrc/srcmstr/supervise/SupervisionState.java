package org.opensrc.srcmstr.supervise;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the supervision core knows, as plain records so it can be persisted and re-adopted. Immutable; {@link
 * SupervisionMachine#apply} returns a new one.
 *
 * @param instances running instances (observed state)
 * @param spawning spawns ordered whose result has not arrived
 * @param retries back-off restarts waiting for their timer
 * @param subsystems per subsystem name: want (desired state), death series, figures
 * @param nextId the next instance id to hand out
 * @param shuttingDown srcmstr is stopping; no starts, no restarts
 */
public record SupervisionState(
        Map<InstanceId, Instance> instances,
        Map<InstanceId, PendingSpawn> spawning,
        Map<InstanceId, PendingRetry> retries,
        Map<String, SubsystemRecord> subsystems,
        long nextId,
        boolean shuttingDown) {

    public static final SupervisionState EMPTY = new SupervisionState(Map.of(), Map.of(), Map.of(), Map.of(), 1, false);

    public SupervisionState {
        instances = frozen(instances);
        spawning = frozen(spawning);
        retries = frozen(retries);
        subsystems = frozen(subsystems);
        if (nextId <= 0) {
            throw new IllegalArgumentException("nextId must be positive: " + nextId);
        }
    }

    /** {@code map} itself when no one can change it, else an immutable copy. */
    private static <K, V> Map<K, V> frozen(Map<K, V> map) {
        return map instanceof Draft.Frozen<K, V> ? map : Map.copyOf(map);
    }

    /**
     * The keys of {@code after}'s map whose values may differ from {@code before}'s, two maps of states that followed
     * one another (say {@code instances()} of both), when that is known without comparing every entry: every other key
     * has the very same value in both. Empty when it is not known.
     */
    public static <K> Optional<Set<K>> keysThatMayDiffer(Map<K, ?> before, Map<K, ?> after) {
        return Draft.keysThatMayDiffer(before, after);
    }

    /** The record for a subsystem name ({@link SubsystemRecord#NEW} if never seen). */
    public SubsystemRecord subsystem(String name) {
        Objects.requireNonNull(name, "name");
        return subsystems.getOrDefault(name, SubsystemRecord.NEW);
    }
}
