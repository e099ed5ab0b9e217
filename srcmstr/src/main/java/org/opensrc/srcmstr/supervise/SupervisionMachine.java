package org.opensrc.srcmstr.supervise;

import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;
import java.util.Optional;

/**
 * The pure supervision core: {@code apply(state, event, now)} gives the new state and the effects a driver must carry
 * out. No thread, process, file or clock is touched here.
 *
 * <p>AIX semantics by default. Choices where AIX is silent or Linux differs:
 *
 * <ul>
 *   <li>Stop of a SOCKET or IPC subsystem: when the process is attached to the subsystem API the stop goes as a {@link
 *       Effect.SendStopRequest}; when it is not attached, a normal stop falls back to SIGTERM and a forced stop to
 *       SIGKILL. IPC contact is handled exactly like SOCKET. A SIGNAL subsystem with no signal named gets the same
 *       fallbacks.
 *   <li>Notify methods are not resolved here: {@link Effect.RunNotify} carries (subsystem, group) and the driver runs
 *       the subsystem's own method, or else its group's.
 *   <li>A manual start clears the death series and cancels a pending back-off retry.
 *   <li>A stop by name while a back-off retry is pending cancels the retry and answers 0513-004 (the subsystem is
 *       inoperative).
 *   <li>The main process ending while other processes of its session live, with no stop asked, is a daemon that forked
 *       into the background: the instance follows the oldest survivor. During a cancel stop (or an escalating stop)
 *       survivors are followed too, so the kill timer still kills them; after a normal/forced stop without escalation
 *       they are reported by a {@link Effect.Notice}.
 *   <li>Spawns run off the supervision thread, so other events come between a spawn and its result. A stop by name of a
 *       subsystem being spawned is answered 0513-044 and begins as soon as the process is there; a shutdown waits for
 *       the spawns in flight and stops what they give. A result for an unknown spawn is a programmer error and throws.
 * </ul>
 */
public final class SupervisionMachine {

    /** Apply one event at {@code now} (epoch ms). The input state is not changed. */
    public Transition apply(SupervisionState state, Event event, long now) {
        Step step = new Step(state, now);
        switch (event) {
            case Event.Request r -> {
                switch (r.command()) {
                    case Command.Start s -> start(step, r.replyTo(), s);
                    case Command.Stop s -> StopRules.stop(step, r.replyTo(), s);
                }
            }
            case Event.SpawnSucceeded e -> spawned(step, e);
            case Event.SpawnFailed e -> DeathRules.spawnFailed(step, e);
            case Event.Exited e -> DeathRules.exited(step, e);
            case Event.Attached e -> attach(step, e.pid(), true);
            case Event.Detached e -> attach(step, e.pid(), false);
            case Event.Ready e -> ready(step, e.pid());
            case Event.TimerFired e -> timerFired(step, e.timer());
            case Event.Shutdown e -> StopRules.shutdown(step);
            case Event.Adopt e -> adopt(step, e);
            case Event.EndedWhileAway e -> DeathRules.endedWhileAway(step, e);
            case Event.Recall e -> recall(step, e);
        }
        SupervisionState next = step.state();
        if (step.changed()) {
            boolean spawnArrived = event instanceof Event.SpawnSucceeded;
            step.effects.addFirst(
                    new Effect.Persist(step.effects.stream().anyMatch(e -> outward(e, spawnArrived, next))));
        }
        return new Transition(next, step.effects);
    }

    /**
     * Effects whose consequences must survive a crash of the machine too (the save is synced before them): signals,
     * kills, stop requests, answers, and the spawns an operator asked for. Every save is written before the effects of
     * its transition whether urgent or not, so a crash of srcmstr alone never forgets them; syncing guards against a
     * crash of the machine, after which no subsystem process is left. So two effects need no sync: the answer to a
     * start whose process arrived (the spawn was synced, with its marker, before it was made) and a restart (after a
     * crash of the machine the restart and the death before it are moot alike: the instance is gone and is started
     * again by the respawn rule either way).
     */
    private static boolean outward(Effect effect, boolean spawnArrived, SupervisionState next) {
        return switch (effect) {
            case Effect.Spawn s -> {
                PendingSpawn pending = next.spawning().get(s.instance());
                yield pending == null || pending.replyTo().isPresent();
            }
            case Effect.Signal s -> true;
            case Effect.KillTree k -> true;
            case Effect.SendStopRequest r -> true;
            case Effect.Reply r -> !spawnArrived;
            case Effect.Watch w -> false;
            case Effect.ArmTimer a -> false;
            case Effect.CancelTimer c -> false;
            case Effect.RunNotify n -> false;
            case Effect.Log l -> false;
            case Effect.Notice n -> false;
            case Effect.Persist p -> false;
            case Effect.ShutdownComplete s -> false;
        };
    }

    private static void start(Step step, ReplyTo replyTo, Command.Start start) {
        SubsystemDef def = start.definition();
        String name = def.subsysname();
        if (step.shuttingDown) {
            step.reply(replyTo, SrcCode.SRC_CODE_DMNA);
            return;
        }
        if (!def.multi() && (!step.instancesNamed(name).isEmpty() || step.spawningNamed(name))) {
            step.reply(replyTo, SrcCode.SRC_CODE_MULT, name);
            return;
        }
        step.cancelRetries(name);
        step.putSubsystem(name, step.subsystem(name).withWant(Want.UP).withHistory(DeathHistory.NONE));
        orderSpawn(step, step.newId(), def, start.args(), start.env(), Optional.of(replyTo));
    }

    static void orderSpawn(
            Step step,
            InstanceId id,
            SubsystemDef def,
            List<String> args,
            List<String> env,
            Optional<ReplyTo> replyTo) {
        step.spawning.put(id, new PendingSpawn(id, def, args, env, replyTo));
        step.emit(new Effect.Spawn(id, def, args, env));
    }

    private static void spawned(Step step, Event.SpawnSucceeded e) {
        PendingSpawn pending = step.spawning.remove(e.instance());
        if (pending == null) {
            throw new IllegalStateException("spawn result for unknown instance " + e.instance());
        }
        SubsystemDef def = pending.definition();
        boolean readiness = def.extensions().readiness();
        InstanceState state =
                readiness ? new InstanceState.Starting(e.pid(), step.now) : new InstanceState.Active(e.pid(), step.now);
        step.instances.put(
                pending.id(),
                new Instance(pending.id(), def, pending.args(), pending.env(), e.pid(), e.startTime(), false, state));
        step.emit(new Effect.Watch(e.pid()));
        pending.replyTo()
                .ifPresent(r -> step.reply(r, SrcCode.SRC_CODE_STRTOK, def.subsysname(), Long.toString(e.pid())));
        Instance arrived = step.instances.get(pending.id());
        if (step.shuttingDown) {
            StopRules.arrivedDuringShutdown(step, arrived);
        } else {
            pending.stop().ifPresent(kind -> StopRules.beginDeferred(step, arrived, kind));
        }
    }

    private static void attach(Step step, long pid, boolean attached) {
        step.instanceByPid(pid).ifPresent(i -> step.instances.put(i.id(), i.withAttached(attached)));
    }

    private static void ready(Step step, long pid) {
        step.instanceByPid(pid)
                .ifPresent(
                        i -> {
                            if (i.state() instanceof InstanceState.Starting s) {
                                step.instances.put(i.id(), i.withState(new InstanceState.Active(s.pid(), step.now)));
                            }
                        });
    }

    private static void timerFired(Step step, TimerId timer) {
        switch (timer) {
            case TimerId.KillTimer k -> StopRules.killTimerFired(step, k.instance());
            case TimerId.RetryTimer r -> {
                PendingRetry retry = step.retries.remove(r.instance());
                if (retry != null && !step.shuttingDown && step.subsystem(retry.name()).want() == Want.UP) {
                    step.putSubsystem(retry.name(), step.subsystem(retry.name()).restarted());
                    orderSpawn(step, retry.id(), retry.definition(), retry.args(), retry.env(), Optional.empty());
                }
            }
            case TimerId.ShutdownTimer s -> StopRules.shutdownTimerFired(step);
        }
    }

    private static void adopt(Step step, Event.Adopt e) {
        SubsystemDef def = e.definition();
        String name = def.subsysname();
        if (step.instanceByPid(e.pid()).isPresent()
                || (!def.multi() && (!step.instancesNamed(name).isEmpty() || step.spawningNamed(name)))) {
            step.emit(new Effect.Notice(name + ": pid " + e.pid() + " not adopted, the subsystem is already active"));
            return;
        }
        InstanceId id = step.newId();
        InstanceState state =
                e.stop()
                        .map(
                                kind ->
                                        kind == StopType.CANCEL
                                                ? (InstanceState)
                                                        new InstanceState.WarnedToStop(
                                                                e.pid(), step.now, step.now + Waittime.millis(def))
                                                : new InstanceState.Stopping(e.pid(), kind, step.now))
                        .orElse(new InstanceState.Active(e.pid(), step.now));
        Instance adopted = new Instance(id, def, e.args(), e.env(), e.sessionId(), e.startTime(), false, state);
        step.instances.put(id, adopted);
        e.stop().ifPresent(kind -> StopRules.askAgain(step, adopted.withState(state), kind));
        if (e.stop().isEmpty()) {
            step.putSubsystem(name, step.subsystem(name).withWant(Want.UP));
        }
        if (state instanceof InstanceState.WarnedToStop w) {
            step.emit(new Effect.ArmTimer(new TimerId.KillTimer(id), w.killAt()));
        } else if (state instanceof InstanceState.Stopping && StopRules.escalates(def)) {
            step.emit(new Effect.ArmTimer(new TimerId.KillTimer(id), step.now + Waittime.millis(def)));
        }
        step.emit(new Effect.Watch(e.pid()));
    }

    private static void recall(Step step, Event.Recall e) {
        step.subsystems.putAll(e.subsystems());
        if (step.shuttingDown) {
            return;
        }
        for (Event.Recall.Restart r : e.restarts()) {
            String name = r.definition().subsysname();
            if (step.subsystem(name).want() != Want.UP) {
                continue;
            }
            if (r.at() > step.now) {
                InstanceId id = step.newId();
                step.retries.put(id, new PendingRetry(id, r.definition(), r.args(), r.env(), r.at()));
                step.emit(new Effect.ArmTimer(new TimerId.RetryTimer(id), r.at()));
            } else if (r.definition().multi() || (step.instancesNamed(name).isEmpty() && !step.spawningNamed(name))) {
                step.log(SrcCode.SRC_CODE_RSTRT, name);
                orderSpawn(step, step.newId(), r.definition(), r.args(), r.env(), Optional.empty());
            }
        }
    }
}
