package org.opensrc.srcmstr.supervise;

import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.WatchChange.DefinitionKind;
import org.opensrc.srcmstr.supervise.WatchChange.InstanceKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a watcher is told, as a pure function: of one applied event (the state before and after it, and its effects), or
 * of a new registry against the one before. No thread, clock or I/O: the supervision loop calls it and numbers the
 * result.
 */
public final class ChangeDetector {

    private ChangeDetector() {}

    /** The instance changes {@code event} made, in instance order; ends before starts. */
    public static List<WatchChange> instanceChanges(
            SupervisionState before, SupervisionState after, Event event, List<Effect> effects) {
        List<WatchChange> changes = new ArrayList<>();
        Map<String, String> groups = new LinkedHashMap<>();
        if (before.instances() != after.instances()) {
            for (Instance old : inOrder(before.instances(), old -> !after.instances().containsKey(old.id()))) {
                groups.put(old.name(), old.definition().grpname());
                changes.add(ended(old.definition(), OptionalLong.of(old.id().value()), after));
            }
            for (Instance now : inOrder(after.instances(), now -> changed(before.instances().get(now.id()), now))) {
                Instance old = before.instances().get(now.id());
                if (old == null) {
                    changes.add(instance(appeared(before, now, event), now));
                } else if (old.pid() != now.pid()) {
                    changes.add(instance(InstanceKind.FOLLOWED, now));
                } else if (old.state().getClass() != now.state().getClass()) {
                    switch (now.state()) {
                        case InstanceState.Active a -> changes.add(instance(InstanceKind.READY, now));
                        case InstanceState.Stopping s -> changes.add(instance(InstanceKind.STOPPING, now));
                        case InstanceState.WarnedToStop w -> changes.add(instance(InstanceKind.WARNED_TO_STOP, now));
                        case InstanceState.Starting s -> changes.add(instance(InstanceKind.STARTING, now));
                    }
                }
            }
        }
        if (event instanceof Event.EndedWhileAway away) {
            groups.put(away.definition().subsysname(), away.definition().grpname());
            changes.add(ended(away.definition(), OptionalLong.empty(), after));
        }
        for (Effect effect : effects) {
            if (effect instanceof Effect.Log log && log.code() == SrcCode.SRC_CODE_TRYX && !log.args().isEmpty()) {
                String name = log.args().getFirst();
                changes.add(
                        new WatchChange.Instance(
                                InstanceKind.RESPAWN_LIMIT,
                                name,
                                groups.getOrDefault(name, groupOf(before, name)),
                                OptionalLong.empty(),
                                OptionalLong.empty(),
                                StatusWord.INOPERATIVE,
                                after.subsystem(name).lastExit()));
            }
        }
        return changes;
    }

    /** The definition changes from {@code before} to {@code after}: subsystems by name, then subservers by type. */
    public static List<WatchChange> definitionChanges(Registry before, Registry after) {
        List<WatchChange> changes = new ArrayList<>();
        diff(
                before.subsystems(),
                after.subsystems(),
                SubsystemDef::subsysname,
                (kind, def) -> changes.add(new WatchChange.Definition(kind, def)));
        diff(
                before.subservers(),
                after.subservers(),
                SubserverDef::subType,
                (kind, def) -> changes.add(new WatchChange.Subserver(kind, def)));
        return changes;
    }

    private interface Sink<T> {
        void accept(DefinitionKind kind, T definition);
    }

    private static <T> void diff(List<T> before, List<T> after, Function<T, String> key, Sink<T> sink) {
        Map<String, T> old = new LinkedHashMap<>();
        before.forEach(d -> old.put(key.apply(d), d));
        Map<String, T> now = new LinkedHashMap<>();
        after.forEach(d -> now.put(key.apply(d), d));
        old.forEach(
                (name, def) -> {
                    if (!now.containsKey(name)) {
                        sink.accept(DefinitionKind.REMOVED, def);
                    }
                });
        now.forEach(
                (name, def) -> {
                    T was = old.get(name);
                    if (was == null) {
                        sink.accept(DefinitionKind.ADDED, def);
                    } else if (!Objects.equals(was, def)) {
                        sink.accept(DefinitionKind.CHANGED, def);
                    }
                });
    }

    /**
     * The instances that pass {@code test}, in instance order: only those are sorted, so that an event that changes one
     * instance of 500 costs a pass over them, not a sort.
     */
    private static List<Instance> inOrder(Map<InstanceId, Instance> instances, Predicate<Instance> test) {
        List<Instance> passed = new ArrayList<>();
        for (Instance instance : instances.values()) {
            if (test.test(instance)) {
                passed.add(instance);
            }
        }
        passed.sort(Comparator.comparing(Instance::id));
        return passed;
    }

    /** Whether a watcher hears of {@code now}: it is new, or another process, or in another kind of state. */
    private static boolean changed(Instance old, Instance now) {
        return old == null || old.pid() != now.pid() || old.state().getClass() != now.state().getClass();
    }

    private static InstanceKind appeared(SupervisionState before, Instance now, Event event) {
        if (event instanceof Event.Adopt) {
            return InstanceKind.READOPTED;
        }
        PendingSpawn pending = before.spawning().get(now.id());
        if (pending != null && pending.replyTo().isEmpty()) {
            return InstanceKind.RESPAWNED;
        }
        return now.state() instanceof InstanceState.Starting ? InstanceKind.STARTING : InstanceKind.STARTED;
    }

    private static WatchChange.Instance instance(InstanceKind kind, Instance now) {
        return new WatchChange.Instance(
                kind,
                now.name(),
                now.definition().grpname(),
                OptionalLong.of(now.id().value()),
                OptionalLong.of(now.pid()),
                now.state().word(),
                "");
    }

    private static WatchChange.Instance ended(SubsystemDef def, OptionalLong id, SupervisionState after) {
        return new WatchChange.Instance(
                InstanceKind.ENDED,
                def.subsysname(),
                def.grpname(),
                id,
                OptionalLong.empty(),
                StatusWord.INOPERATIVE,
                after.subsystem(def.subsysname()).lastExit());
    }

    private static String groupOf(SupervisionState state, String name) {
        return state.instances().values().stream()
                .filter(i -> i.name().equals(name))
                .map(i -> i.definition().grpname())
                .findFirst()
                .orElse("");
    }
}
