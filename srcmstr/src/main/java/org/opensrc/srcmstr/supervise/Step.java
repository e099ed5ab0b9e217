package org.opensrc.srcmstr.supervise;

import org.opensrc.proto.v1.SrcCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The working copy for one transition: mutable copies of the state's maps and the effects emitted so far. Lives only
 * inside {@link SupervisionMachine#apply}.
 */
final class Step {

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
        return instances.values().stream().filter(i -> i.pid() == pid).findFirst();
    }

    /** Live instances of a subsystem name, in start order. */
    List<Instance> instancesNamed(String name) {
        return instances.values().stream()
                .filter(i -> i.name().equals(name))
                .sorted(Comparator.comparing(Instance::id))
                .toList();
    }

    boolean spawningNamed(String name) {
        return spawning.values().stream().anyMatch(p -> p.name().equals(name));
    }

    /** Drop every back-off restart waiting for {@code name}. */
    void cancelRetries(String name) {
        List<InstanceId> ids =
                retries.values().stream().filter(r -> r.name().equals(name)).map(PendingRetry::id).sorted().toList();
        for (InstanceId id : ids) {
            retries.remove(id);
            emit(new Effect.CancelTimer(new TimerId.RetryTimer(id)));
        }
    }
}
