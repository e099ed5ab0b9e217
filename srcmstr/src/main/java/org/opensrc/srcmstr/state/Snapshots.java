package org.opensrc.srcmstr.state;

import org.opensrc.srcmstr.subsys.InstanceToken;
import org.opensrc.srcmstr.supervise.Instance;
import org.opensrc.srcmstr.supervise.InstanceId;
import org.opensrc.srcmstr.supervise.InstanceState;
import org.opensrc.srcmstr.supervise.PendingRetry;
import org.opensrc.srcmstr.supervise.PendingSpawn;
import org.opensrc.srcmstr.supervise.SubsystemRecord;
import org.opensrc.srcmstr.supervise.SupervisionState;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Turns the supervision state (plus the hub's tokens) into what is saved. Pure. */
public final class Snapshots {

    private Snapshots() {}

    /**
     * The saved form of {@code state} for run {@code runId} at {@code now}.
     *
     * @param startTimeOf the start time of a pid (0 if gone): asked only for an instance that follows a forked daemon,
     *     whose pid is not the one it was spawned as
     */
    public static SavedState of(
            String runId,
            SupervisionState state,
            Collection<InstanceToken> tokens,
            LongUnaryOperator startTimeOf,
            long now) {
        Map<Integer, String> tokenByPid = tokenByPid(tokens);
        return new SavedState(
                SavedState.VERSION,
                runId,
                now,
                state.instances().values().stream()
                        .sorted(Comparator.comparing(Instance::id))
                        .map(i -> instance(i, tokenByPid, startTimeOf))
                        .toList(),
                state.spawning().values().stream()
                        .sorted(Comparator.comparing(PendingSpawn::id))
                        .map(
                                p ->
                                        new SavedState.Spawn(
                                                p.definition(), p.args(), p.env(), SpawnMarker.of(runId, p.id())))
                        .toList(),
                state.retries().values().stream()
                        .sorted(Comparator.comparing(PendingRetry::id))
                        .map(r -> new SavedState.Retry(r.definition(), r.args(), r.env(), r.at()))
                        .toList(),
                state.subsystems());
    }

    /** The image of {@code state}, continued by journal {@code journalId}, with the instance ids of its entries. */
    public static StateImage image(
            String runId,
            SupervisionState state,
            Collection<InstanceToken> tokens,
            LongUnaryOperator startTimeOf,
            long now,
            String journalId) {
        SavedState saved = of(runId, state, tokens, startTimeOf, now);
        return new StateImage(
                SavedState.VERSION,
                runId,
                now,
                journalId,
                saved.instances(),
                saved.spawning(),
                saved.retries(),
                saved.subsystems(),
                new StateImage.Ids(
                        ids(state.instances().keySet()),
                        ids(state.spawning().keySet()),
                        ids(state.retries().keySet())));
    }

    private static List<Long> ids(Collection<InstanceId> ids) {
        return ids.stream().sorted().map(InstanceId::value).toList();
    }

    /**
     * What changed from {@code before} to {@code after}, entry by entry ({@link JournalEntry#nothingChanged} when
     * nothing did). Entries left alone are the same objects in both states, and for states that followed one another
     * only the keys their maps' layers name are compared ({@link SupervisionState#keysThatMayDiffer}), so this costs
     * little more than the changes: a death among 500 subsystems compares a few entries, not 1,000.
     *
     * @param tokens asked only when an instance changed
     */
    public static JournalEntry delta(
            String runId,
            SupervisionState before,
            SupervisionState after,
            Supplier<Collection<InstanceToken>> tokens,
            LongUnaryOperator startTimeOf,
            long now,
            long seq) {
        Map<String, SavedState.Instance> instances = new HashMap<>();
        Map<InstanceId, Instance> changedInstances = changes(before.instances(), after.instances(), instances);
        if (!changedInstances.isEmpty()) {
            Map<Integer, String> tokenByPid = tokenByPid(tokens.get());
            changedInstances.forEach((id, i) -> instances.put(key(id), instance(i, tokenByPid, startTimeOf)));
        }
        Map<String, SavedState.Spawn> spawning = new HashMap<>();
        changes(before.spawning(), after.spawning(), spawning)
                .forEach(
                        (id, p) ->
                                spawning.put(
                                        key(id),
                                        new SavedState.Spawn(
                                                p.definition(), p.args(), p.env(), SpawnMarker.of(runId, p.id()))));
        Map<String, SavedState.Retry> retries = new HashMap<>();
        changes(before.retries(), after.retries(), retries)
                .forEach(
                        (id, r) ->
                                retries.put(key(id), new SavedState.Retry(r.definition(), r.args(), r.env(), r.at())));
        Map<String, SubsystemRecord> subsystems = new HashMap<>();
        compare(before.subsystems(), after.subsystems(), subsystems::put, name -> subsystems.put(name, null));
        return new JournalEntry(seq, now, instances, spawning, retries, subsystems);
    }

    /** Entries of {@code after} new or changed since {@code before}; removed ones go into {@code removed} as null. */
    private static <V, S> Map<InstanceId, V> changes(
            Map<InstanceId, V> before, Map<InstanceId, V> after, Map<String, S> removed) {
        Map<InstanceId, V> changed = new HashMap<>();
        compare(before, after, changed::put, id -> removed.put(key(id), null));
        return changed;
    }

    /**
     * Calls {@code changed} for each entry of {@code after} new or changed since {@code before}, {@code gone} for each
     * key removed.
     */
    private static <K, V> void compare(Map<K, V> before, Map<K, V> after, BiConsumer<K, V> changed, Consumer<K> gone) {
        Optional<Set<K>> candidates = SupervisionState.keysThatMayDiffer(before, after);
        if (candidates.isPresent()) {
            for (K key : candidates.get()) {
                compareEntry(key, before.get(key), after.get(key), changed, gone);
            }
            return;
        }
        after.forEach((key, value) -> compareEntry(key, before.get(key), value, changed, gone));
        before.keySet().stream().filter(key -> !after.containsKey(key)).forEach(gone);
    }

    private static <K, V> void compareEntry(K key, V old, V value, BiConsumer<K, V> changed, Consumer<K> gone) {
        if (value == null) {
            if (old != null) {
                gone.accept(key);
            }
        } else if (old != value && !value.equals(old)) {
            changed.accept(key, value);
        }
    }

    private static String key(InstanceId id) {
        return Long.toString(id.value());
    }

    private static Map<Integer, String> tokenByPid(Collection<InstanceToken> tokens) {
        return tokens.stream()
                .filter(t -> t.pid() > 0)
                .collect(Collectors.toMap(InstanceToken::pid, InstanceToken::token, (a, b) -> a));
    }

    private static SavedState.Instance instance(
            Instance i, Map<Integer, String> tokenByPid, LongUnaryOperator startTimeOf) {
        String word;
        String stop;
        switch (i.state()) {
            case InstanceState.Starting s -> {
                word = "starting";
                stop = "";
            }
            case InstanceState.Active a -> {
                word = "active";
                stop = "";
            }
            case InstanceState.Stopping s -> {
                word = "stopping";
                stop = s.kind().name();
            }
            case InstanceState.WarnedToStop w -> {
                word = "warned to stop";
                stop = "CANCEL";
            }
        }
        long startTime = i.pid() == i.sessionId() ? i.startTime().orElse(0) : startTimeOf.applyAsLong(i.pid());
        return new SavedState.Instance(
                i.definition(),
                i.pid(),
                startTime,
                i.sessionId(),
                i.args(),
                i.env(),
                tokenByPid.getOrDefault(Math.toIntExact(i.pid()), ""),
                word,
                stop);
    }
}
