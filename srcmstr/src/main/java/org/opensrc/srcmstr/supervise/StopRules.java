package org.opensrc.srcmstr.supervise;

import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.Comparator;
import java.util.List;

/** Stops, cancel timers and the srcmstr shutdown sequence; part of {@link SupervisionMachine}. */
final class StopRules {

    static final String SIGTERM = "SIGTERM";
    static final String SIGKILL = "SIGKILL";

    private StopRules() {}

    static void stop(Step step, ReplyTo replyTo, Command.Stop stop) {
        String label;
        List<Instance> targets;
        switch (stop.target()) {
            case StopTarget.BySubsystem s -> {
                label = s.name();
                targets = step.instancesNamed(s.name());
                step.cancelRetries(s.name());
                if (step.subsystems.containsKey(s.name())) {
                    step.putSubsystem(s.name(), step.subsystem(s.name()).withWant(Want.DOWN));
                }
            }
            case StopTarget.ByPid p -> {
                label = Long.toString(p.pid());
                targets = step.instanceByPid(p.pid()).stream().toList();
            }
        }
        if (targets.isEmpty() && stop.target() instanceof StopTarget.BySubsystem s && step.spawningNamed(s.name())) {
            // its process is being spawned: the stop begins as soon as it is there
            step.spawning.replaceAll((id, p) -> p.name().equals(s.name()) ? p.withStop(stop.kind()) : p);
            step.reply(replyTo, SrcCode.SRC_CODE_STPOK, s.name());
            return;
        }
        if (targets.isEmpty()) {
            step.reply(replyTo, SrcCode.SRC_CODE_SVND, label);
            return;
        }
        if (targets.size() > 1) {
            step.reply(replyTo, SrcCode.SRC_CODE_WICH);
            return;
        }
        Instance instance = targets.getFirst();
        String name = instance.name();
        boolean accepted =
                switch (instance.state()) {
                    case InstanceState.Starting s -> begin(step, instance, stop.kind());
                    case InstanceState.Active a -> begin(step, instance, stop.kind());
                    case InstanceState.Stopping s ->
                            stop.kind() == StopType.CANCEL && begin(step, instance, stop.kind());
                    case InstanceState.WarnedToStop w -> false;
                };
        if (accepted) {
            if (stop.target() instanceof StopTarget.BySubsystem || step.instancesNamed(name).size() == 1) {
                step.putSubsystem(name, step.subsystem(name).withWant(Want.DOWN));
            }
            step.reply(replyTo, SrcCode.SRC_CODE_STPOK, name);
        } else {
            step.reply(replyTo, SrcCode.SRC_CODE_STPG, name);
        }
    }

    /** Begins a stop asked while {@code instance} was being spawned, now that its process is there. */
    static void beginDeferred(Step step, Instance instance, StopType kind) {
        begin(step, instance, kind);
    }

    private static boolean begin(Step step, Instance instance, StopType kind) {
        if (kind == StopType.CANCEL) {
            long killAt = step.now + Waittime.millis(instance.definition());
            warn(step, instance, killAt);
            step.emit(new Effect.ArmTimer(new TimerId.KillTimer(instance.id()), killAt));
            return true;
        }
        SubsystemDef def = instance.definition();
        long pid = instance.pid();
        step.emit(stopEffect(instance, kind));
        step.instances.put(instance.id(), instance.withState(new InstanceState.Stopping(pid, kind, step.now)));
        if (escalates(def)) {
            step.emit(new Effect.ArmTimer(new TimerId.KillTimer(instance.id()), step.now + Waittime.millis(def)));
        }
        return true;
    }

    /** What asks {@code instance} to stop, for a normal or forced stop: its signal, or a request when attached. */
    private static Effect stopEffect(Instance instance, StopType kind) {
        SubsystemDef def = instance.definition();
        boolean forced = kind == StopType.FORCED;
        long pid = instance.pid();
        return switch (def.contact()) {
            case SIGNAL -> new Effect.Signal(pid, orDefault(forced ? def.sigforce() : def.signorm(), forced));
            case SOCKET, IPC ->
                    instance.attached()
                            ? new Effect.SendStopRequest(pid, forced)
                            : new Effect.Signal(pid, forced ? SIGKILL : SIGTERM);
        };
    }

    /**
     * Asks an adopted instance again to stop as the earlier srcmstr had asked: that one saved the stop before sending
     * it, and may have died in between, so the stop is sent at least once (a cancel stop's SIGTERM too).
     */
    static void askAgain(Step step, Instance instance, StopType kind) {
        step.emit(kind == StopType.CANCEL ? new Effect.Signal(instance.pid(), SIGTERM) : stopEffect(instance, kind));
    }

    private static String orDefault(String signal, boolean forced) {
        return signal.isBlank() ? (forced ? SIGKILL : SIGTERM) : signal;
    }

    static boolean escalates(SubsystemDef def) {
        return def.extensions().killEscalation();
    }

    /** SIGTERM the instance's process and mark it warned to stop until {@code killAt}. */
    private static void warn(Step step, Instance instance, long killAt) {
        step.emit(new Effect.Signal(instance.pid(), SIGTERM));
        step.instances.put(
                instance.id(), instance.withState(new InstanceState.WarnedToStop(instance.pid(), step.now, killAt)));
    }

    static void killTimerFired(Step step, InstanceId id) {
        Instance instance = step.instances.get(id);
        if (instance == null) {
            return;
        }
        boolean due =
                switch (instance.state()) {
                    case InstanceState.WarnedToStop w -> true;
                    case InstanceState.Stopping s -> escalates(instance.definition());
                    case InstanceState.Starting s -> false;
                    case InstanceState.Active a -> false;
                };
        if (due) {
            kill(step, instance);
            shutdownProgress(step);
        }
    }

    private static void kill(Step step, Instance instance) {
        step.instances.remove(instance.id());
        step.emit(new Effect.KillTree(instance.id(), instance.pid(), instance.sessionId()));
        step.putSubsystem(instance.name(), step.subsystem(instance.name()).withLastExit("killed (SIGKILL)"));
    }

    static void shutdown(Step step) {
        if (step.shuttingDown) {
            return;
        }
        step.shuttingDown = true;
        step.retries.values().stream()
                .map(PendingRetry::name)
                .distinct()
                .sorted()
                .toList()
                .forEach(step::cancelRetries);
        List<Instance> running = sorted(step);
        if (running.isEmpty() && step.spawning.isEmpty()) {
            step.emit(new Effect.ShutdownComplete());
            return;
        }
        long deadline =
                step.now
                        + java.util.stream.Stream.concat(
                                        running.stream().map(Instance::definition),
                                        step.spawning.values().stream().map(PendingSpawn::definition))
                                .mapToLong(Waittime::millis)
                                .max()
                                .orElseThrow();
        for (Instance instance : running) {
            if (!(instance.state() instanceof InstanceState.WarnedToStop)) {
                warn(step, instance, deadline);
            }
        }
        step.emit(new Effect.ArmTimer(new TimerId.ShutdownTimer(), deadline));
    }

    static void shutdownTimerFired(Step step) {
        if (!step.shuttingDown || step.instances.isEmpty()) {
            return;
        }
        sorted(step).forEach(i -> kill(step, i));
        if (step.spawning.isEmpty()) {
            step.emit(new Effect.ShutdownComplete());
        }
    }

    /**
     * An instance whose spawn came back during the shutdown: warned to stop at once and killed after its waittime (the
     * shutdown timer may have fired already).
     */
    static void arrivedDuringShutdown(Step step, Instance instance) {
        long killAt = step.now + Waittime.millis(instance.definition());
        warn(step, instance, killAt);
        step.emit(new Effect.ArmTimer(new TimerId.KillTimer(instance.id()), killAt));
    }

    /** After an instance went away (or a spawn failed): finish the shutdown once nothing runs or is being spawned. */
    static void shutdownProgress(Step step) {
        if (step.shuttingDown && step.instances.isEmpty() && step.spawning.isEmpty()) {
            step.emit(new Effect.CancelTimer(new TimerId.ShutdownTimer()));
            step.emit(new Effect.ShutdownComplete());
        }
    }

    private static List<Instance> sorted(Step step) {
        return step.instances.values().stream().sorted(Comparator.comparing(Instance::id)).toList();
    }
}
