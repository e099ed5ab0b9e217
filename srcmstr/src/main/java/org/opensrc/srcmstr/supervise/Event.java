package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Everything that can change supervision state. Times come with the event, not from a clock. */
public sealed interface Event {

    /** An operator command; the answer goes to {@code replyTo}. */
    record Request(ReplyTo replyTo, Command command) implements Event {
        public Request {
            Objects.requireNonNull(replyTo, "replyTo");
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * The spawn ordered for {@code instance} gave a process.
     *
     * @param startTime the kernel start time of the process, when known (kept for re-adoption)
     */
    record SpawnSucceeded(InstanceId instance, long pid, OptionalLong startTime) implements Event {
        public SpawnSucceeded {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(startTime, "startTime");
        }

        public SpawnSucceeded(InstanceId instance, long pid) {
            this(instance, pid, OptionalLong.empty());
        }
    }

    /** The spawn ordered for {@code instance} failed at {@code stage}; nothing runs. {@code detail} says why. */
    record SpawnFailed(InstanceId instance, SpawnStage stage, String detail) implements Event {
        public SpawnFailed {
            Objects.requireNonNull(detail, "detail");
        }

        public SpawnFailed(InstanceId instance, SpawnStage stage) {
            this(instance, stage, "");
        }
    }

    /**
     * A watched process ended.
     *
     * @param exitDescription e.g. "exit 1" or "signal SIGSEGV"
     * @param survivors live pids still in the instance's session, oldest first
     */
    record Exited(long pid, String exitDescription, List<Long> survivors) implements Event {
        public Exited {
            Objects.requireNonNull(exitDescription, "exitDescription");
            survivors = List.copyOf(survivors);
        }
    }

    /** The process connected to the subsystem API. */
    record Attached(long pid) implements Event {}

    /** The process's subsystem API connection went away. */
    record Detached(long pid) implements Event {}

    /** The process reported readiness ({@code extensions.readiness}). */
    record Ready(long pid) implements Event {}

    /** A timer armed by {@link Effect.ArmTimer} is due. */
    record TimerFired(TimerId timer) implements Event {}

    /** srcmstr got SIGTERM: stop everything, then report {@link Effect.ShutdownComplete}. */
    record Shutdown() implements Event {}

    /**
     * Take over a process started by an earlier srcmstr, without spawning.
     *
     * @param sessionId the session of the instance's processes (the first pid)
     * @param stop the stop the earlier srcmstr had begun, if any (the death is then no surprise)
     */
    record Adopt(
            SubsystemDef definition,
            long pid,
            OptionalLong startTime,
            List<String> args,
            List<String> env,
            long sessionId,
            Optional<StopType> stop)
            implements Event {
        public Adopt {
            Objects.requireNonNull(definition, "definition");
            Objects.requireNonNull(startTime, "startTime");
            Objects.requireNonNull(stop, "stop");
            args = List.copyOf(args);
            env = List.copyOf(env);
        }

        public Adopt(SubsystemDef definition, long pid, OptionalLong startTime, List<String> args, List<String> env) {
            this(definition, pid, startTime, args, env, pid, Optional.empty());
        }
    }

    /**
     * An instance an earlier srcmstr ran ended while no srcmstr watched it (its pid is gone or now belongs to another
     * process). Its exit status is unknowable; it is a death like any other for the respawn rules, unless a stop had
     * been asked.
     */
    record EndedWhileAway(SubsystemDef definition, long pid, List<String> args, List<String> env, boolean stopAsked)
            implements Event {
        public EndedWhileAway {
            Objects.requireNonNull(definition, "definition");
            args = List.copyOf(args);
            env = List.copyOf(env);
        }
    }

    /**
     * What an earlier srcmstr knew beyond its processes, given back before any adoption: each subsystem's want, death
     * series and figures, and the restarts it owed (a back-off restart put off until {@code at}, or a spawn it ordered
     * whose process cannot be found: {@code at} 0, ordered again at once).
     */
    record Recall(Map<String, SubsystemRecord> subsystems, List<Restart> restarts) implements Event {
        public Recall {
            subsystems = Map.copyOf(subsystems);
            restarts = List.copyOf(restarts);
        }

        /** One restart owed: the definition and words it runs with, and when (epoch ms). */
        public record Restart(SubsystemDef definition, List<String> args, List<String> env, long at) {
            public Restart {
                Objects.requireNonNull(definition, "definition");
                args = List.copyOf(args);
                env = List.copyOf(env);
            }
        }
    }
}
