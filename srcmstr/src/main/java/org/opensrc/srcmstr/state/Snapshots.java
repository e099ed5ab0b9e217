package org.opensrc.srcmstr.state;

import org.opensrc.srcmstr.subsys.InstanceToken;
import org.opensrc.srcmstr.supervise.Instance;
import org.opensrc.srcmstr.supervise.InstanceState;
import org.opensrc.srcmstr.supervise.PendingRetry;
import org.opensrc.srcmstr.supervise.PendingSpawn;
import org.opensrc.srcmstr.supervise.SupervisionState;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.function.LongUnaryOperator;
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
        Map<Integer, String> tokenByPid =
                tokens.stream()
                        .filter(t -> t.pid() > 0)
                        .collect(Collectors.toMap(InstanceToken::pid, InstanceToken::token, (a, b) -> a));
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
