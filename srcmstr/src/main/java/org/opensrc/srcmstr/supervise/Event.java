package org.opensrc.srcmstr.supervise;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.opensrc.srcmstr.registry.SubsystemDef;

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

    /** The spawn ordered for {@code instance} failed at {@code stage}; nothing runs. */
    record SpawnFailed(InstanceId instance, SpawnStage stage) implements Event {
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
    record Attached(long pid) implements Event {
    }

    /** The process's subsystem API connection went away. */
    record Detached(long pid) implements Event {
    }

    /** The process reported readiness ({@code extensions.readiness}). */
    record Ready(long pid) implements Event {
    }

    /** A timer armed by {@link Effect.ArmTimer} is due. */
    record TimerFired(TimerId timer) implements Event {
    }

    /** srcmstr got SIGTERM: stop everything, then report {@link Effect.ShutdownComplete}. */
    record Shutdown() implements Event {
    }

    /** Take over a process started by an earlier srcmstr, without spawning. */
    record Adopt(SubsystemDef definition, long pid, OptionalLong startTime, List<String> args, List<String> env)
            implements Event {
        public Adopt {
            Objects.requireNonNull(definition, "definition");
            Objects.requireNonNull(startTime, "startTime");
            args = List.copyOf(args);
            env = List.copyOf(env);
        }
    }
}
