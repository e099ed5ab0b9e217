package org.opensrc.srcmstr.supervise;

import org.opensrc.proto.v1.SrcCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The working copy for one transition: mutable copies of the state's maps and the effects emitted so far. Lives only
 * inside {@link SupervisionMachine#apply}.
 */
final class Step {

    // the keys of the maps' indexes (Draft#where): one function object each
    private static final Function<Instance, String> INSTANCE_NAME = Instance::name;
    private static final Function<Instance, Long> INSTANCE_PID = Instance::pid;
    private static final Function<PendingSpawn, String> SPAWN_NAME = PendingSpawn::name;
    private static final Function<PendingRetry, String> RETRY_NAME = PendingRetry::name;

    final long now;
    final Draft<InstanceId, Instance> instances;
    final Draft<InstanceId, PendingSpawn> spawning;
    final Draft<InstanceId, PendingRetry> retries;
    final Draft<String, SubsystemRecord> subsystems;
    final List<Effect> effects = new ArrayList<>();
    private final SupervisionState before;
    long nextId;
    boolean shuttingDown;

    Step(SupervisionState state, long now) {
        this.now = now;
        this.before = state;
        this.instances = new Draft<>(state.instances());
        this.spawning = new Draft<>(state.spawning());
        this.retries = new Draft<>(state.retries());
        this.subsystems = new Draft<>(state.subsystems());
        this.nextId = state.nextId();
        this.shuttingDown = state.shuttingDown();
    }

    /** Whether this step changed the state (what is saved). */
    boolean changed() {
        return instances.changed()
                || spawning.changed()
                || retries.changed()
                || subsystems.changed()
                || nextId != before.nextId()
                || shuttingDown != before.shuttingDown();
    }

    /** The state after this step: the one it started from when nothing changed. */
    SupervisionState state() {
        if (!changed()) {
            return before;
        }
        return new SupervisionState(
                instances.result(), spawning.result(), retries.result(), subsystems.result(), nextId, shuttingDown);
    }

    InstanceId newId() {
        return new InstanceId(nextId++);
    }

    void emit(Effect effect) {
        effects.add(effect);
    }

    void reply(ReplyTo replyTo, SrcCode code, String... args) {
        emit(new Effect.Reply(replyTo, List.of(SrcMessage.of(code, args))));
    }

    void log(SrcCode code, String... args) {
        emit(new Effect.Log(code, List.of(args)));
    }

    SubsystemRecord subsystem(String name) {
        return subsystems.getOrDefault(name, SubsystemRecord.NEW);
    }

    void putSubsystem(String name, SubsystemRecord record) {
        subsystems.put(name, record);
    }

    Optional<Instance> instanceByPid(long pid) {
        return instances.where(INSTANCE_PID, pid).stream().min(Comparator.comparing(Instance::id));
    }

    /** Live instances of a subsystem name, in start order. */
    List<Instance> instancesNamed(String name) {
        return instances.where(INSTANCE_NAME, name).stream().sorted(Comparator.comparing(Instance::id)).toList();
    }

    boolean spawningNamed(String name) {
        return !spawning.where(SPAWN_NAME, name).isEmpty();
    }

    /** Drop every back-off restart waiting for {@code name}. */
    void cancelRetries(String name) {
        List<InstanceId> ids = retries.where(RETRY_NAME, name).stream().map(PendingRetry::id).sorted().toList();
        for (InstanceId id : ids) {
            retries.remove(id);
            emit(new Effect.CancelTimer(new TimerId.RetryTimer(id)));
        }
    }
}
