package org.opensrc.srcmstr.supervise;

import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;
import java.util.Objects;

/** What the driver must do after a transition, in list order. A closed set. */
public sealed interface Effect {

    /** Start a process; the result comes back as SpawnSucceeded/SpawnFailed for {@code instance}. */
    record Spawn(InstanceId instance, SubsystemDef definition, List<String> args, List<String> env) implements Effect {
        public Spawn {
            args = List.copyOf(args);
            env = List.copyOf(env);
        }
    }

    /** {@code kill(pid, signal)}; the signal by name ("SIGTERM"). */
    record Signal(long pid, String signalName) implements Effect {}

    /** SIGKILL every process of the instance's session tree, and its process group. */
    record KillTree(InstanceId instance, long pid, long sessionId) implements Effect {}

    /** Send a STOP request over the subsystem API to an attached process. */
    record SendStopRequest(long pid, boolean forced) implements Effect {}

    /** Report the death of {@code pid} as an Exited event. */
    record Watch(long pid) implements Effect {}

    /** Enqueue TimerFired(timer) at {@code atMillis}; replaces a timer armed with the same id. */
    record ArmTimer(TimerId timer, long atMillis) implements Effect {}

    /** Forget a timer; a TimerFired already queued is ignored by the core anyway. */
    record CancelTimer(TimerId timer) implements Effect {}

    /**
     * Run the notify method for a subsystem that ended abnormally and is not restarted. The driver resolves the method:
     * the subsystem's own wins over its group's.
     */
    record RunNotify(String subsystem, String group) implements Effect {}

    /** An SRC message for the error log (035, 020, 017, spawn failures of restarts). */
    record Log(SrcCode code, List<String> args) implements Effect {
        public Log {
            Objects.requireNonNull(code, "code");
            args = List.copyOf(args);
        }
    }

    /** An informational line with no SRC message (a daemon forked away, a duplicate adoption). */
    record Notice(String message) implements Effect {}

    /** Answer the command that carried {@code replyTo}. */
    record Reply(ReplyTo replyTo, List<SrcMessage> outcomes) implements Effect {
        public Reply {
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * Persistable state changed; comes first in a transition's effects so the new state is saved before anything else
     * is done. {@code urgent} when the transition also spawns, signals, kills or answers a command: the driver must
     * then have the state durable before it carries out the next effect; otherwise it may save it a little later,
     * coalesced with the changes that follow.
     */
    record Persist(boolean urgent) implements Effect {}

    /** Shutdown finished: nothing supervised runs any more. */
    record ShutdownComplete() implements Effect {}
}
