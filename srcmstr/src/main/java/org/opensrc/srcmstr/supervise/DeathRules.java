package org.opensrc.srcmstr.supervise;

import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;
import java.util.Optional;

/** Process deaths, forked daemons, respawn and give-up; part of {@link SupervisionMachine}. */
final class DeathRules {

    private DeathRules() {}

    static void exited(Step step, Event.Exited e) {
        Optional<Instance> found = step.instanceByPid(e.pid());
        if (found.isEmpty()) {
            return;
        }
        Instance instance = found.get();
        String name = instance.name();
        boolean requested;
        boolean killArmed;
        long upSince;
        switch (instance.state()) {
            case InstanceState.Starting s -> {
                requested = false;
                killArmed = false;
                upSince = s.since();
            }
            case InstanceState.Active a -> {
                requested = false;
                killArmed = false;
                upSince = a.since();
            }
            case InstanceState.Stopping s -> {
                requested = true;
                killArmed = StopRules.escalates(instance.definition());
                upSince = s.since();
            }
            case InstanceState.WarnedToStop w -> {
                requested = true;
                killArmed = true;
                upSince = step.now;
            }
        }
        List<Long> survivors = e.survivors();
        if (!survivors.isEmpty() && (!requested || killArmed)) {
            long next = survivors.getFirst();
            step.instances.put(instance.id(), instance.withState(instance.state().withPid(next)));
            step.emit(new Effect.Watch(next));
            step.emit(
                    new Effect.Notice(
                            name
                                    + ": pid "
                                    + e.pid()
                                    + " ended ("
                                    + e.exitDescription()
                                    + "); following pid "
                                    + next
                                    + " of the same session"));
            return;
        }
        step.instances.remove(instance.id());
        step.putSubsystem(name, step.subsystem(name).withLastExit(e.exitDescription()));
        if (killArmed) {
            step.emit(new Effect.CancelTimer(new TimerId.KillTimer(instance.id())));
        }
        if (requested) {
            if (!survivors.isEmpty()) {
                step.emit(new Effect.Notice(name + ": stopped, leaving processes " + survivors));
            }
            StopRules.shutdownProgress(step);
            return;
        }
        abnormal(step, instance.definition(), instance.args(), instance.env(), upSince);
    }

    /** An instance that ended unseen: like an exit, with status "unknown" and no survivors to follow. */
    static void endedWhileAway(Step step, Event.EndedWhileAway e) {
        String name = e.definition().subsysname();
        step.putSubsystem(name, step.subsystem(name).withLastExit("unknown"));
        step.emit(new Effect.Notice(name + ": pid " + e.pid() + " ended while srcmstr was not running"));
        if (!e.stopAsked()) {
            abnormal(step, e.definition(), e.args(), e.env(), step.now);
        }
    }

    static void spawnFailed(Step step, Event.SpawnFailed e) {
        PendingSpawn pending = step.spawning.remove(e.instance());
        if (pending == null) {
            throw new IllegalStateException("spawn result for unknown instance " + e.instance());
        }
        String name = pending.name();
        if (pending.replyTo().isPresent()) {
            step.emit(
                    new Effect.Reply(
                            pending.replyTo().get(),
                            List.of(new SrcMessage(e.stage().code(), List.of(name), shownDetail(e)))));
        } else {
            step.log(e.stage().code(), name);
            step.putSubsystem(name, step.subsystem(name).withLastExit("spawn failed: " + e.stage()));
            if (pending.stop().isEmpty()) {
                abnormal(step, pending.definition(), pending.args(), pending.env(), step.now);
            }
        }
        StopRules.shutdownProgress(step);
    }

    /**
     * What the person who asked for the start is told on the line after the AIX message: the file and the reason for a
     * stdio the subsystem's user could not open, and causes AIX has no message for; the other stages print the AIX
     * message alone.
     */
    private static String shownDetail(Event.SpawnFailed e) {
        return switch (e.stage()) {
            case STATE, INTERNAL, STDIN, STDOUT, STDERR -> e.detail();
            case USER, AUDIT, SOCKET, EXEC -> "";
        };
    }

    /** Nobody asked it to stop: restart, put off, or give up and notify. */
    private static void abnormal(Step step, SubsystemDef def, List<String> args, List<String> env, long upSince) {
        String name = def.subsysname();
        String group = def.grpname();
        if (step.shuttingDown) {
            return;
        }
        switch (def.action()) {
            case ONCE -> {
                step.log(SrcCode.SRC_CODE_SVKO, name);
                step.emit(new Effect.RunNotify(name, group));
            }
            case RESPAWN -> respawn(step, def, args, env, upSince, name, group);
        }
    }

    private static void respawn(
            Step step, SubsystemDef def, List<String> args, List<String> env, long upSince, String name, String group) {
        SubsystemRecord record = step.subsystem(name);
        RespawnPolicy.RespawnDecision decision =
                RespawnPolicy.of(def).onAbnormalDeath(record.history(), upSince, step.now);
        record = record.withHistory(decision.history());
        switch (decision.verdict()) {
            case RespawnPolicy.RestartAt r when r.at() <= step.now -> {
                step.log(SrcCode.SRC_CODE_RSTRT, name);
                step.putSubsystem(name, record.restarted());
                SupervisionMachine.orderSpawn(step, step.newId(), def, args, env, Optional.empty());
            }
            case RespawnPolicy.RestartAt r -> {
                step.log(SrcCode.SRC_CODE_RSTRT, name);
                step.putSubsystem(name, record);
                InstanceId id = step.newId();
                step.retries.put(id, new PendingRetry(id, def, args, env, r.at()));
                step.emit(new Effect.ArmTimer(new TimerId.RetryTimer(id), r.at()));
            }
            case RespawnPolicy.GiveUp g -> {
                step.putSubsystem(name, record);
                step.log(SrcCode.SRC_CODE_TRYX, name);
                step.emit(new Effect.RunNotify(name, group));
            }
        }
    }
}
